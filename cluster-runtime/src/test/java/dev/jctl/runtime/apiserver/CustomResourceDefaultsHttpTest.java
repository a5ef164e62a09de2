package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Structural defaults on reads: objects stored before their CRD gained a default show it, never written back. */
class CustomResourceDefaultsHttpTest {
    private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
            + "crontabs.stable.example.com";
    private static final String CRON_TABS = "/apis/stable.example.com/v1/namespaces/default/crontabs";
    private static final String SCHEMA = """
            {"type": "object", "properties": {"spec": {"type": "object", "properties": {
              "image": {"type": "string"},
              "mode": {"type": "string"MODE_DEFAULT},
              "jobs": {"type": "array", "items": {"type": "object", "properties": {
                "name": {"type": "string"}, "retries": {"type": "integer"RETRIES_DEFAULT}}}}}}}}
            """;

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

    private static String schema(String modeDefault, String retriesDefault) {
        return SCHEMA.replace("MODE_DEFAULT", modeDefault).replace("RETRIES_DEFAULT", retriesDefault);
    }

    @Test
    void objectsStoredBeforeADefaultShowItOnGetListAndWatch() throws Exception {
        CronTabs.establish(cluster, CronTabs.crd(schema("", "")));
        assertEquals(201, cluster.post(CRON_TABS, CronTabs.cronTab("stable.example.com/v1", "old",
                "{\"image\": \"i\", \"jobs\": [{\"name\": \"a\"}, {\"name\": \"b\", \"retries\": 5}]}")).code());
        JsonNode before = cluster.get(CRON_TABS + "/old").body();
        assertFalse(before.path("spec").has("mode"), before.toString());

        ObjectNode crd = (ObjectNode) cluster.get(CRD_PATH).body();
        JsonNode withDefaults = TestCluster.JSON.readTree(CronTabs.crd(schema(", \"default\": \"slow\"",
                ", \"default\": 3")));
        crd.set("spec", withDefaults.path("spec"));
        assertEquals(200, cluster.put(CRD_PATH, crd.toString()).code());

        JsonNode shown = awaitDefaulted(CRON_TABS + "/old");
        assertEquals("slow", shown.path("spec").path("mode").asText());
        assertEquals(3, shown.path("spec").path("jobs").get(0).path("retries").asInt());
        assertEquals(5, shown.path("spec").path("jobs").get(1).path("retries").asInt(), "set values stay");
        assertEquals(before.path("metadata").path("resourceVersion"), shown.path("metadata").path("resourceVersion"),
                "defaults on read are not written back");

        JsonNode listed = cluster.get(CRON_TABS).body().path("items").get(0);
        assertEquals("slow", listed.path("spec").path("mode").asText(), listed.toString());
        JsonNode throughOtherVersion = cluster.get(CRON_TABS.replace("/v1/", "/v1beta1/") + "/old").body();
        assertEquals("slow", throughOtherVersion.path("spec").path("mode").asText());

        try (WatchStream watch = WatchStream.open(cluster, CRON_TABS + "?watch=1&resourceVersion=0", null)) {
            JsonNode added = watch.next();
            assertEquals("ADDED", added.path("type").asText(), added.toString());
            assertEquals("slow", added.path("object").path("spec").path("mode").asText(), added.toString());
        }
    }

    private static Set<String> causes(JsonNode status) {
        Set<String> causes = new HashSet<>();
        status.path("details").path("causes").forEach(c -> causes.add(c.path("field").asText() + ": "
                + c.path("message").asText()));
        return causes;
    }

    /** The CRD controller serves the new schema asynchronously: polls until it does. */
    private static JsonNode awaitDefaulted(String path) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode current = cluster.get(path).body();
            if (current.path("spec").has("mode")) {
                return current;
            }
            Thread.sleep(20);
        }
        return fail("the CRD's new default never showed on " + path);
    }

    @Test
    void aCrdWithAnUnprunedOrInvalidDefaultIsRefused() {
        String crd = CronTabs.crd("""
                {"type": "object", "properties": {"spec": {"type": "object", "properties": {
                  "mode": {"type": "string", "enum": ["fast", "slow"], "default": "fastest"},
                  "limits": {"type": "object", "properties": {"cpu": {"type": "integer"}},
                             "default": {"cpu": 1, "memory": "1Gi"}},
                  "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                           "default": {"anything": true}}}}}}
                """).replace("crontabs.stable", "badtabs.stable").replace("\"crontabs\"", "\"badtabs\"")
                .replace("\"crontab\"", "\"badtab\"").replace("\"CronTab\"", "\"BadTab\"")
                .replace("[\"ct\"]", "[\"bt\"]");
        TestCluster.Response r = cluster.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        assertEquals(422, r.code(), r.raw());
        String prefix = "spec.validation.openAPIV3Schema.properties[spec].properties";
        // upstream walks properties in Go map order, so only the set of causes is fixed
        assertEquals(Set.of(prefix + "[limits].default: Invalid value: map[string]interface {}{\"cpu\":int64(1),"
                        + " \"memory\":\"1Gi\"}: must not have unknown fields",
                prefix + "[mode].default: Unsupported value: \"fastest\": supported values: \"fast\", \"slow\""),
                causes(r.body()));
        assertTrue(r.body().path("message").asText().startsWith(
                "CustomResourceDefinition.apiextensions.k8s.io \"badtabs.stable.example.com\" is invalid: ["), r.raw());
        assertEquals(404, cluster.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                + "badtabs.stable.example.com").code(), "nothing was stored");
    }
}
