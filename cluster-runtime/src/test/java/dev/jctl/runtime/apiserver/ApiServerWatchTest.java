package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.storage.MemoryStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiServerWatchTest {
    @TempDir
    static Path dir;
    static MemoryStorage storage;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        storage = new MemoryStorage();
        cluster = TestCluster.over(storage, dir, Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() {
        cluster.close();
        storage.close();
    }

    private static String rv(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asText();
    }

    private static void namespace(String name) {
        assertEquals(201, cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}").code());
    }

    @Test
    void watchWithoutVersionStartsWithTheCurrentObjectsThenStreamsChanges() throws Exception {
        namespace("w1");
        JsonNode before = cluster.post("/api/v1/namespaces/w1/configmaps", "{\"metadata\":{\"name\":\"a\"}}").body();
        try (WatchStream watch = WatchStream.open(cluster, "/api/v1/namespaces/w1/configmaps?watch=1", null)) {
            assertEquals(200, watch.code);
            JsonNode initial = watch.next();
            assertEquals("ADDED", initial.path("type").asText());
            assertEquals(rv(before), rv(initial.path("object")));

            JsonNode created = cluster.post("/api/v1/namespaces/w1/configmaps", "{\"metadata\":{\"name\":\"b\"}}").body();
            JsonNode added = watch.next();
            assertEquals("ADDED", added.path("type").asText());
            assertEquals("b", added.path("object").path("metadata").path("name").asText());
            assertEquals(rv(created), rv(added.path("object")));

            cluster.patch("/api/v1/namespaces/w1/configmaps/b", "application/merge-patch+json", "{\"data\":{\"k\":\"v\"}}");
            JsonNode modified = watch.next();
            assertEquals("MODIFIED", modified.path("type").asText());
            assertEquals("v", modified.path("object").path("data").path("k").asText());

            cluster.delete("/api/v1/namespaces/w1/configmaps/b");
            JsonNode deleted = watch.next();
            assertEquals("DELETED", deleted.path("type").asText());
            assertTrue(Long.parseLong(rv(deleted.path("object"))) > Long.parseLong(rv(modified.path("object"))),
                    "a deleted object carries the revision of its deletion");
        }
    }

    @Test
    void watchResumesRightAfterTheGivenResourceVersion() throws Exception {
        namespace("w2");
        String from = rv(cluster.post("/api/v1/namespaces/w2/configmaps", "{\"metadata\":{\"name\":\"first\"}}").body());
        cluster.post("/api/v1/namespaces/w2/configmaps", "{\"metadata\":{\"name\":\"second\"}}");
        cluster.post("/api/v1/namespaces/w2/configmaps", "{\"metadata\":{\"name\":\"third\"}}");
        try (WatchStream watch = WatchStream.open(cluster,
                "/api/v1/namespaces/w2/configmaps?watch=true&resourceVersion=" + from, null)) {
            assertEquals("second", watch.next().path("object").path("metadata").path("name").asText());
            assertEquals("third", watch.next().path("object").path("metadata").path("name").asText());
            assertTrue(watch.quietFor(300), "nothing at or before the given resourceVersion is replayed");
        }
    }

    @Test
    void aCompactedResourceVersionAnswersGoneAsAnErrorEvent() throws Exception {
        namespace("w3");
        String old = rv(cluster.post("/api/v1/namespaces/w3/configmaps", "{\"metadata\":{\"name\":\"x\"}}").body());
        cluster.post("/api/v1/namespaces/w3/configmaps", "{\"metadata\":{\"name\":\"y\"}}");
        storage.compact(storage.currentRevision());
        try (WatchStream watch = WatchStream.open(cluster,
                "/api/v1/namespaces/w3/configmaps?watch=1&resourceVersion=" + old, null)) {
            assertEquals(200, watch.code);
            JsonNode error = watch.next();
            assertEquals("ERROR", error.path("type").asText());
            JsonNode status = error.path("object");
            assertEquals("Status", status.path("kind").asText());
            assertEquals(410, status.path("code").asInt());
            assertEquals("Expired", status.path("reason").asText());
            assertTrue(status.path("message").asText().startsWith("too old resource version: " + old), status.toString());
            assertTrue(watch.endsWithin(2));
        }
    }

    @Test
    void bookmarksCarryTheLatestRevisionWhenAllowed() throws Exception {
        namespace("w4");
        String rv = rv(cluster.post("/api/v1/namespaces/w4/configmaps", "{\"metadata\":{\"name\":\"x\"}}").body());
        try (WatchStream watch = WatchStream.open(cluster,
                "/api/v1/namespaces/w4/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=" + rv, null)) {
            JsonNode bookmark = watch.next();
            assertEquals("BOOKMARK", bookmark.path("type").asText());
            assertEquals("ConfigMap", bookmark.path("object").path("kind").asText());
            assertEquals(rv, rv(bookmark.path("object")));
        }
        try (WatchStream watch = WatchStream.open(cluster,
                "/api/v1/namespaces/w4/configmaps?watch=1&resourceVersion=" + rv, null)) {
            assertTrue(watch.quietFor(600), "no bookmarks unless allowed");
        }
    }

    @Test
    void watchListSendsTheInitialStateThenAnEndBookmark() throws Exception {
        namespace("w7");
        cluster.post("/api/v1/namespaces/w7/configmaps", "{\"metadata\":{\"name\":\"a\"}}");
        String rv = rv(cluster.post("/api/v1/namespaces/w7/configmaps", "{\"metadata\":{\"name\":\"b\"}}").body());
        try (WatchStream watch = WatchStream.open(cluster, "/api/v1/namespaces/w7/configmaps?watch=1"
                + "&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan"
                + "&resourceVersion=" + rv, null)) {
            assertEquals("a", watch.next().path("object").path("metadata").path("name").asText());
            assertEquals("b", watch.next().path("object").path("metadata").path("name").asText());
            JsonNode end = watch.next();
            assertEquals("BOOKMARK", end.path("type").asText());
            assertEquals("true", end.path("object").path("metadata").path("annotations")
                    .path("k8s.io/initial-events-end").asText());
            assertTrue(Long.parseLong(rv(end.path("object"))) >= Long.parseLong(rv));
        }
        TestCluster.Response refused = cluster.get("/api/v1/namespaces/w7/configmaps?watch=1&sendInitialEvents=true");
        assertEquals(422, refused.code(), refused.raw());
    }

    @Test
    void timeoutSecondsEndsTheStream() throws Exception {
        try (WatchStream watch = WatchStream.open(cluster, "/api/v1/namespaces?watch=1&timeoutSeconds=1"
                + "&resourceVersion=" + storage.currentRevision(), null)) {
            assertTrue(watch.endsWithin(4));
        }
    }

    @Test
    void objectsEnteringAndLeavingASelectorAreAddedAndDeleted() throws Exception {
        namespace("w5");
        cluster.post("/api/v1/namespaces/w5/configmaps", "{\"metadata\":{\"name\":\"m\"}}");
        try (WatchStream watch = WatchStream.open(cluster,
                "/api/v1/namespaces/w5/configmaps?watch=1&labelSelector=app%3Dweb", null)) {
            String path = "/api/v1/namespaces/w5/configmaps/m";
            cluster.patch(path, "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
            assertEquals("ADDED", watch.next().path("type").asText());
            cluster.patch(path, "application/merge-patch+json", "{\"data\":{\"k\":\"v\"}}");
            assertEquals("MODIFIED", watch.next().path("type").asText());
            cluster.patch(path, "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"db\"}}}");
            JsonNode left = watch.next();
            assertEquals("DELETED", left.path("type").asText());
            assertEquals("db", left.path("object").path("metadata").path("labels").path("app").asText());
            cluster.patch(path, "application/merge-patch+json", "{\"data\":{\"k\":\"w\"}}");
            assertTrue(watch.quietFor(300));
        }
    }

    @Test
    void tableWatchesStreamTableRows() throws Exception {
        namespace("w6");
        try (WatchStream watch = WatchStream.open(cluster, "/api/v1/namespaces/w6/configmaps?watch=1",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")) {
            cluster.post("/api/v1/namespaces/w6/configmaps", "{\"metadata\":{\"name\":\"t\"},\"data\":{\"a\":\"b\"}}");
            JsonNode event = watch.next();
            assertEquals("ADDED", event.path("type").asText());
            JsonNode table = event.path("object");
            assertEquals("Table", table.path("kind").asText());
            assertEquals("meta.k8s.io/v1", table.path("apiVersion").asText());
            assertEquals("t", table.path("rows").get(0).path("cells").get(0).asText());
            assertEquals(1, table.path("rows").get(0).path("cells").get(1).asInt());
            assertEquals("PartialObjectMetadata", table.path("rows").get(0).path("object").path("kind").asText());
            assertFalse(table.path("columnDefinitions").isEmpty());
        }
    }
}
