package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fieldValidation} for custom resources over HTTP: what the version's structural schema would prune, the
 * unknown fields of metadata (also of embedded resources) and duplicate keys, reported in upstream's order.
 */
class CustomResourceFieldValidationHttpTest {
    private static final String CRON_TABS = "/apis/stable.example.com/v1/namespaces/default/crontabs";
    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "spec": {"type": "object", "properties": {
                "image": {"type": "string"},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                "jobs": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}},
                "template": {"type": "object", "x-kubernetes-embedded-resource": true,
                             "properties": {"data": {"type": "string"}}}}},
              "status": {"type": "object", "properties": {"replicas": {"type": "integer"}}}}}
            """;
    /** Every kind of unknown field, written in an order unlike the one upstream reports them in. */
    private static final String SLOPPY_SPEC = """
            {"zeta": 1, "image": "a", "image": "b", "extra": {"anything": {"goes": true}},
             "jobs": [{"name": "j", "bad": 1}],
             "template": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "t", "zzz": 1},
                          "data": "d", "other": 2},
             "alpha": 2}""";
    private static final String EXPECTED = "duplicate field \"spec.image\", unknown field \"metadata.bogus\","
            + " unknown field \"spec.alpha\", unknown field \"spec.jobs[0].bad\", unknown field"
            + " \"spec.template.other\", unknown field \"spec.zeta\", unknown field \"spec.template.metadata.zzz\"";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
        CronTabs.establish(cluster, CronTabs.crd(SCHEMA));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String sloppy(String name) {
        return CronTabs.cronTab("stable.example.com/v1", name, SLOPPY_SPEC)
                .replace("\"name\": \"" + name + "\"}", "\"name\": \"" + name + "\", \"bogus\": true}");
    }

    private static List<String> warnings(String problems) {
        return List.of(problems.split(", ")).stream()
                .map(p -> "299 - \"" + p.replace("\"", "\\\"") + "\"").toList();
    }

    private static void assertPruned(JsonNode object) {
        JsonNode spec = object.path("spec");
        assertEquals("b", spec.path("image").asText(), object.toString());
        assertTrue(spec.path("extra").path("anything").path("goes").asBoolean(), "preserved fields stay");
        assertFalse(spec.has("zeta") || spec.has("alpha") || spec.path("jobs").get(0).has("bad")
                || spec.path("template").has("other") || object.path("metadata").has("bogus")
                || spec.path("template").path("metadata").has("zzz"), object.toString());
        assertEquals("t", spec.path("template").path("metadata").path("name").asText(), object.toString());
    }

    @Test
    void strictCreateFailsWithEveryProblemInUpstreamOrder() {
        TestCluster.Response r = cluster.post(CRON_TABS + "?fieldValidation=Strict", sloppy("strict"));
        assertEquals(400, r.code(), r.raw());
        assertEquals("BadRequest", r.body().path("reason").asText());
        assertEquals("CronTab in version \"v1\" cannot be handled as a CronTab: strict decoding error: " + EXPECTED,
                r.body().path("message").asText());
        assertEquals(404, cluster.get(CRON_TABS + "/strict").code(), "nothing was stored");
    }

    @Test
    void warnIsTheDefaultAndStoresThePrunedObject() {
        TestCluster.Response r = cluster.post(CRON_TABS, sloppy("warned"));
        assertEquals(201, r.code(), r.raw());
        assertEquals(warnings(EXPECTED), r.warnings());
        assertPruned(r.body());
        assertPruned(cluster.get(CRON_TABS + "/warned").body());
    }

    @Test
    void ignorePrunesSilently() {
        TestCluster.Response r = cluster.post(CRON_TABS + "?fieldValidation=Ignore", sloppy("ignored"));
        assertEquals(201, r.code(), r.raw());
        assertEquals(List.of(), r.warnings());
        assertPruned(cluster.get(CRON_TABS + "/ignored").body());
    }

    @Test
    void aCleanObjectGetsNoWarning() {
        TestCluster.Response r = cluster.post(CRON_TABS + "?fieldValidation=Strict",
                CronTabs.cronTab("stable.example.com/v1", "clean", "{\"extra\": {\"free\": 1}, \"image\": \"i\"}"));
        assertEquals(201, r.code(), r.raw());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void updateAndMergePatchAreCheckedToo() {
        String path = CRON_TABS + "/edited";
        assertEquals(201, cluster.post(CRON_TABS, CronTabs.cronTab("stable.example.com/v1", "edited",
                "{\"image\": \"i\"}")).code());
        String current = cluster.get(path).body().toString();

        TestCluster.Response put = cluster.put(path + "?fieldValidation=Strict",
                current.replace("\"image\":\"i\"", "\"image\":\"i\",\"foo\":1"));
        assertEquals(400, put.code(), put.raw());
        assertEquals("CronTab in version \"v1\" cannot be handled as a CronTab: strict decoding error:"
                + " unknown field \"spec.foo\"", put.body().path("message").asText());

        TestCluster.Response strict = cluster.patch(path + "?fieldValidation=Strict",
                "application/merge-patch+json", "{\"spec\": {\"foo\": 1, \"jobs\": [{\"nam\": \"x\"}]}}");
        assertEquals(400, strict.code(), strict.raw());
        assertEquals("strict decoding error: unknown field \"spec.foo\", unknown field \"spec.jobs[0].nam\"",
                strict.body().path("message").asText());

        TestCluster.Response warned = cluster.patch(path, "application/merge-patch+json",
                "{\"metadata\": {\"labelz\": {\"a\": \"b\"}}, \"spec\": {\"foo\": 1}}");
        assertEquals(200, warned.code(), warned.raw());
        assertEquals(warnings("unknown field \"metadata.labelz\", unknown field \"spec.foo\""), warned.warnings());
        assertFalse(cluster.get(path).body().path("spec").has("foo"));

        TestCluster.Response status = cluster.put(path + "/status?fieldValidation=Strict",
                cluster.get(path).body().toString().replace("\"spec\":", "\"status\":{\"replicaz\":1},\"spec\":"));
        assertEquals(400, status.code(), status.raw());
        assertEquals("CronTab in version \"v1\" cannot be handled as a CronTab: strict decoding error:"
                + " unknown field \"status.replicaz\"", status.body().path("message").asText());
    }
}
