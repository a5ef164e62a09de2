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

/**
 * {@code fieldValidation} on server-side apply, over HTTP, as kube-apiserver 1.32 answers it
 * (endpoints/handlers/patch.go applyPatcher): the patch is decoded leniently and applied; a field the kind's schema
 * does not declare fails that typed conversion with 500 whatever the directive; once applied, the patch is decoded
 * strictly, and the keys it repeats fail a Strict request with 400, warn under Warn (the default) and pass under
 * Ignore. Expected texts are upstream's (field_validation_test.go testFieldValidationApplyCreate words them so).
 */
class ServerSideApplyFieldValidationHttpTest {
    private static final String APPLY = "application/apply-patch+yaml";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments/";
    private static final String CRON_TABS = "/apis/stable.example.com/v1/namespaces/default/crontabs/";
    /** A patch that repeats two keys, the way upstream's test writes it: JSON, one key per line. */
    private static final String REPEATED_KEYS = """
            {
              "apiVersion": "apps/v1",
              "kind": "Deployment",
              "metadata": {"name": "NAME", "labels": {"app": "nginx"}},
              "spec": {
                "paused": false,
                "paused": true,
                "selector": {"matchLabels": {"app": "nginx"}},
                "template": {
                  "metadata": {"labels": {"app": "nginx"}},
                  "spec": {"containers": [{
                    "name": "nginx",
                    "image": "nginx:latest",
                    "imagePullPolicy": "Never",
                    "imagePullPolicy": "Always"
                  }]}
                }
              }
            }""";
    private static final List<String> REPEATS = List.of("line 7: key \"paused\" already set in map",
            "line 15: key \"imagePullPolicy\" already set in map");
    private static final List<String> REPEAT_WARNINGS = List.of(
            "299 - \"line 7: key \\\"paused\\\" already set in map\"",
            "299 - \"line 15: key \\\"imagePullPolicy\\\" already set in map\"");

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
        CronTabs.establish(cluster, CronTabs.CRD);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static TestCluster.Response apply(String path, String query, String body) {
        return cluster.patch(path + query, APPLY, body);
    }

    private static String repeatedKeys(String name) {
        return REPEATED_KEYS.replace("NAME", name);
    }

    private static String deployment(String name, String extraSpec) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s}
                spec:
                  %sselector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: web, image: nginx}]}
                """.formatted(name, extraSpec, name, name);
    }

    private static void assertStatus(TestCluster.Response answer, int code, String reason, String message) {
        assertEquals(code, answer.code(), answer.raw());
        assertEquals(reason, answer.body().path("reason").asText(), answer.raw());
        assertEquals(message, answer.body().path("message").asText(), answer.raw());
    }

    @Test
    void repeatedKeysFailAStrictApply() {
        assertStatus(apply(DEPLOYMENTS + "strict", "?fieldManager=m&fieldValidation=Strict", repeatedKeys("strict")),
                400, "BadRequest", "error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal"
                        + " errors:\n  " + String.join("\n  ", REPEATS));
        assertEquals(404, cluster.get(DEPLOYMENTS + "strict").code(), "nothing was created");
    }

    @Test
    void repeatedKeysWarnByDefaultAndOnWarnAndTheLastValueIsApplied() {
        for (String query : List.of("?fieldManager=m", "?fieldManager=m&fieldValidation=Warn")) {
            String name = query.contains("Warn") ? "warn" : "default";
            TestCluster.Response created = apply(DEPLOYMENTS + name, query, repeatedKeys(name));
            assertEquals(201, created.code(), created.raw());
            assertEquals(REPEAT_WARNINGS, created.warnings());
            JsonNode spec = cluster.get(DEPLOYMENTS + name).body().path("spec");
            assertEquals("true", spec.path("paused").asText());
            assertEquals("Always", spec.path("template").path("spec").path("containers").get(0)
                    .path("imagePullPolicy").asText());

            TestCluster.Response reapplied = apply(DEPLOYMENTS + name, query, repeatedKeys(name));
            assertEquals(200, reapplied.code(), reapplied.raw());
            assertEquals(REPEAT_WARNINGS, reapplied.warnings(), "the patch is checked on update too");
        }
    }

    @Test
    void repeatedKeysPassSilentlyOnIgnore() {
        TestCluster.Response created = apply(DEPLOYMENTS + "ignore", "?fieldManager=m&fieldValidation=Ignore",
                repeatedKeys("ignore"));
        assertEquals(201, created.code(), created.raw());
        assertEquals(List.of(), created.warnings());
    }

    @Test
    void undeclaredFieldsFailWhateverTheDirectiveWithAGoErrorsStatus() throws Exception {
        for (String directive : List.of("", "&fieldValidation=Strict", "&fieldValidation=Warn",
                "&fieldValidation=Ignore")) {
            TestCluster.Response refused = apply(DEPLOYMENTS + "typo", "?fieldManager=m" + directive,
                    deployment("typo", "pausd: true\n  "));
            assertEquals(500, refused.code(), refused.raw());
            assertEquals(TestCluster.JSON.readTree("""
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"failed to create\
                     typed patch object (/typo; apps/v1, Kind=Deployment): .spec.pausd: field not declared in\
                     schema","code":500}"""), refused.body());
            assertEquals(List.of(), refused.warnings());
            assertEquals(404, cluster.get(DEPLOYMENTS + "typo").code(), "nothing was created");
        }
        assertEquals(201, apply(DEPLOYMENTS + "typo", "?fieldManager=m", deployment("typo", "")).code());
        TestCluster.Response update = apply(DEPLOYMENTS + "typo", "?fieldManager=m&fieldValidation=Ignore",
                deployment("typo", "replicas: 3\n  pausd: true\n  "));
        assertEquals(500, update.code(), update.raw());
        assertEquals(1, cluster.get(DEPLOYMENTS + "typo").body().path("spec").path("replicas").asInt(),
                "the existing object is left as it was");
    }

    @Test
    void undeclaredFieldsComeFirstThenConflictsThenRepeatedKeys() {
        assertEquals(201, apply(DEPLOYMENTS + "order", "?fieldManager=first",
                deployment("order", "replicas: 1\n  ")).code());
        String contested = deployment("order", "replicas: 2\n  replicas: 3\n  ");
        assertEquals(409, apply(DEPLOYMENTS + "order", "?fieldManager=second&fieldValidation=Strict", contested)
                .code(), "a conflict is found while applying, before the strict decoding");
        TestCluster.Response undeclared = apply(DEPLOYMENTS + "order", "?fieldManager=second&fieldValidation=Strict",
                contested.replace("replicas: 3", "replicas: 3\n  replicaz: 3"));
        assertEquals(500, undeclared.code(), undeclared.raw());
        assertStatus(apply(DEPLOYMENTS + "order", "?fieldManager=second&force=true&fieldValidation=Strict",
                contested), 400, "BadRequest", "error strict decoding YAML: error converting YAML to JSON: yaml:"
                + " unmarshal errors:\n  line 6: key \"replicas\" already set in map");
    }

    @Test
    void theOptionsAreValidatedTogether() {
        TestCluster.Response refused = apply(DEPLOYMENTS + "options", "?fieldValidation=Bogus",
                deployment("options", ""));
        assertStatus(refused, 422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: [fieldManager: Required"
                + " value: is required for apply patch, fieldValidation: Unsupported value: \"Bogus\": supported"
                + " values: \"\", \"Ignore\", \"Strict\", \"Warn\"]");
        assertEquals(2, refused.body().path("details").path("causes").size(), refused.raw());
        assertStatus(apply(DEPLOYMENTS + "options", "?fieldManager=m&fieldValidation=Bogus", deployment("options",
                "")), 422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value:"
                + " \"Bogus\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    }

    @Test
    void customResourcesAreValidatedTheSameWay() {
        String cronTab = """
                apiVersion: stable.example.com/v1
                kind: CronTab
                metadata:
                  name: NAME
                spec:
                  cronSpec: "* * * * */5"
                  image: a
                  image: b
                """;
        TestCluster.Response undeclared = apply(CRON_TABS + "typo", "?fieldManager=m&fieldValidation=Ignore",
                cronTab.replace("NAME", "typo").replace("image: b", "image: b\n  imagee: c"));
        assertStatus(undeclared, 500, "", "failed to create typed patch object (/typo; stable.example.com/v1,"
                + " Kind=CronTab): .spec.imagee: field not declared in schema");

        assertStatus(apply(CRON_TABS + "strict", "?fieldManager=m&fieldValidation=Strict",
                cronTab.replace("NAME", "strict")), 400, "BadRequest", "error strict decoding YAML: error converting"
                + " YAML to JSON: yaml: unmarshal errors:\n  line 8: key \"image\" already set in map");
        TestCluster.Response warned = apply(CRON_TABS + "warned", "?fieldManager=m", cronTab.replace("NAME", "warned"));
        assertEquals(201, warned.code(), warned.raw());
        assertEquals(List.of("299 - \"line 8: key \\\"image\\\" already set in map\""), warned.warnings());
        assertEquals("b", warned.body().path("spec").path("image").asText());
        assertFalse(warned.body().path("spec").has("imagee"));
    }
}
