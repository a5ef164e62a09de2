package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * core/v1 and events.k8s.io/v1 Events are one resource in two versions: what one API writes the other reads,
 * lists, selects and watches, converted field by field as upstream's conversion does.
 */
class EventVersionsHttpTest {
    private static final String CORE = "/api/v1/namespaces/default/events";
    private static final String EVENTS_V1 = "/apis/events.k8s.io/v1/namespaces/default/events";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aCoreEventReadThroughEventsV1() {
        TestCluster.Response created = cluster.post(CORE, """
                {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "web.1"},
                 "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": "web", "namespace": "default"},
                 "reason": "Scheduled", "message": "Successfully assigned default/web to node-1", "type": "Normal",
                 "source": {"component": "default-scheduler"}, "reportingComponent": "default-scheduler",
                 "firstTimestamp": "2026-01-01T00:00:00Z", "lastTimestamp": "2026-01-01T00:01:00Z", "count": 2}
                """);
        assertEquals(201, created.code(), created.raw());
        JsonNode v1 = cluster.get(EVENTS_V1 + "/web.1").body();
        assertEquals("events.k8s.io/v1", v1.path("apiVersion").asText());
        assertEquals("web", v1.path("regarding").path("name").asText());
        assertEquals("Successfully assigned default/web to node-1", v1.path("note").asText());
        assertEquals("default-scheduler", v1.path("reportingController").asText());
        assertEquals("default-scheduler", v1.path("deprecatedSource").path("component").asText());
        assertEquals("2026-01-01T00:00:00Z", v1.path("deprecatedFirstTimestamp").asText());
        assertEquals("2026-01-01T00:01:00Z", v1.path("deprecatedLastTimestamp").asText());
        assertEquals(2, v1.path("deprecatedCount").asInt());
        assertEquals("Scheduled", v1.path("reason").asText());
        for (String coreOnly : List.of("involvedObject", "message", "source", "count", "reportingComponent")) {
            assertTrue(v1.path(coreOnly).isMissingNode(), coreOnly + " in " + v1);
        }
        assertEquals(created.body().path("metadata").path("resourceVersion"), v1.path("metadata").path("resourceVersion"));
        assertEquals(created.body().path("metadata").path("uid"), v1.path("metadata").path("uid"));
    }

    @Test
    void anEventsV1EventListedSelectedAndDeletedThroughCore() {
        TestCluster.Response created = cluster.post(EVENTS_V1, """
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "db.1"},
                 "regarding": {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "db", "namespace": "default"},
                 "reason": "SuccessfulCreate", "note": "create Pod db-0 in StatefulSet db successful",
                 "type": "Normal", "action": "Create", "reportingController": "statefulset-controller",
                 "reportingInstance": "statefulset-controller-1", "eventTime": "2026-01-01T00:00:00.000000Z"}
                """);
        assertEquals(201, created.code(), created.raw());
        assertEquals("db", created.body().path("regarding").path("name").asText());

        JsonNode core = cluster.get(CORE + "/db.1").body();
        assertEquals("v1", core.path("apiVersion").asText());
        assertEquals("StatefulSet", core.path("involvedObject").path("kind").asText());
        assertEquals("create Pod db-0 in StatefulSet db successful", core.path("message").asText());
        assertEquals("statefulset-controller", core.path("reportingComponent").asText());
        assertEquals("Create", core.path("action").asText());
        assertEquals("2026-01-01T00:00:00.000000Z", core.path("eventTime").asText());

        assertEquals(List.of("db.1"), names(cluster.get(CORE
                + "?fieldSelector=involvedObject.name%3Ddb,reportingComponent%3Dstatefulset-controller").body()));
        assertEquals(List.of("db.1"), names(cluster.get(EVENTS_V1
                + "?fieldSelector=regarding.kind%3DStatefulSet,reportingController%3Dstatefulset-controller")
                .body()));

        assertEquals(200, cluster.delete(CORE + "/db.1").code());
        assertEquals(404, cluster.get(EVENTS_V1 + "/db.1").code());
    }

    @Test
    void aWatchThroughEventsV1SeesCoreWritesConverted() throws Exception {
        String rv = cluster.get(EVENTS_V1).body().path("metadata").path("resourceVersion").asText();
        try (WatchStream watch = WatchStream.open(cluster, EVENTS_V1 + "?watch=1&resourceVersion=" + rv,
                "application/json")) {
            assertEquals(201, cluster.post(CORE, """
                    {"metadata": {"name": "watched.1"}, "reason": "Pulled", "message": "image pulled",
                     "involvedObject": {"kind": "Pod", "name": "watched", "namespace": "default"}}
                    """).code());
            JsonNode event = watch.next();
            assertEquals("ADDED", event.path("type").asText());
            assertEquals("events.k8s.io/v1", event.path("object").path("apiVersion").asText());
            assertEquals("image pulled", event.path("object").path("note").asText());
            assertEquals("watched", event.path("object").path("regarding").path("name").asText());
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }
}
