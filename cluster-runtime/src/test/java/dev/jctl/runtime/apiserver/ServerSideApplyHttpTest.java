package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-side apply over HTTP: creation, ownership, conflicts, force, pruning and the managedFields written. */
class ServerSideApplyHttpTest {
    private static final String APPLY = "application/apply-patch+yaml";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments/";

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

    private static String deployment(String name, int replicas, String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels: {%s}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """.formatted(name, labels, replicas, name, name);
    }

    private static TestCluster.Response apply(String name, String query, String body) {
        return cluster.patch(DEPLOYMENTS + name + query, APPLY, body);
    }

    private static JsonNode entry(JsonNode object, String manager, String operation) {
        for (JsonNode entry : object.path("metadata").path("managedFields")) {
            if (entry.path("manager").asText().equals(manager) && entry.path("operation").asText().equals(operation)) {
                return entry;
            }
        }
        throw new AssertionError("no " + operation + " entry of " + manager + " in " + object.path("metadata"));
    }

    @Test
    void applyCreatesAndRecordsTheAppliersFields() {
        TestCluster.Response created = apply("created", "?fieldManager=tester", deployment("created", 2, "tier: web"));
        assertEquals(201, created.code(), created.raw());
        JsonNode entry = entry(created.body(), "tester", "Apply");
        assertEquals("apps/v1", entry.path("apiVersion").asText());
        assertEquals("FieldsV1", entry.path("fieldsType").asText());
        assertTrue(entry.path("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), entry::toString);
        JsonNode fields = entry.path("fieldsV1");
        assertEquals("{\"f:labels\":{\"f:tier\":{}}}", fields.path("f:metadata").toString(),
                "name and namespace are never owned");
        assertTrue(fields.path("f:spec").path("f:selector").isEmpty(), "a LabelSelector is atomic");
        assertEquals("{\".\":{},\"f:image\":{},\"f:name\":{}}", fields.path("f:spec").path("f:template")
                .path("f:spec").path("f:containers").path("k:{\"name\":\"web\"}").toString());
        assertEquals(1, created.body().path("metadata").path("managedFields").size());
        assertEquals("RollingUpdate", created.body().path("spec").path("strategy").path("type").asText(),
                "a created object is defaulted");
    }

    @Test
    void reapplyingUnchangedWritesNothing() {
        String body = deployment("same", 1, "a: b");
        TestCluster.Response first = apply("same", "?fieldManager=tester", body);
        TestCluster.Response again = apply("same", "?fieldManager=tester", body);
        assertEquals(200, again.code(), again.raw());
        assertEquals(first.body().path("metadata").path("resourceVersion"),
                again.body().path("metadata").path("resourceVersion"));
        assertEquals(first.body().path("metadata").path("managedFields"),
                again.body().path("metadata").path("managedFields"));
    }

    @Test
    void changingAnotherManagersFieldIsAConflictUntilForced() {
        assertEquals(201, apply("contested", "?fieldManager=tester", deployment("contested", 1, "")).code());
        TestCluster.Response scaled = cluster.patch(DEPLOYMENTS + "contested?fieldManager=kubectl-client-side-apply",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":5}}");
        assertEquals(200, scaled.code(), scaled.raw());
        assertEquals("{\"f:spec\":{\"f:replicas\":{}}}",
                entry(scaled.body(), "kubectl-client-side-apply", "Update").path("fieldsV1").toString());

        TestCluster.Response conflict = apply("contested", "?fieldManager=tester", deployment("contested", 3, ""));
        assertEquals(409, conflict.code(), conflict.raw());
        assertEquals("Conflict", conflict.body().path("reason").asText());
        assertEquals("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1:"
                + " .spec.replicas", conflict.body().path("message").asText());
        JsonNode cause = conflict.body().path("details").path("causes").get(0);
        assertEquals("FieldManagerConflict", cause.path("reason").asText());
        assertEquals(".spec.replicas", cause.path("field").asText());
        assertEquals("conflict with \"kubectl-client-side-apply\" using apps/v1", cause.path("message").asText());

        TestCluster.Response forced = apply("contested", "?fieldManager=tester&force=true",
                deployment("contested", 3, ""));
        assertEquals(200, forced.code(), forced.raw());
        assertEquals(3, forced.body().path("spec").path("replicas").asInt());
        List<String> managers = new ArrayList<>();
        forced.body().path("metadata").path("managedFields").forEach(e -> managers.add(e.path("manager").asText()));
        assertEquals(List.of("tester"), managers, "the updater lost its only field");
    }

    @Test
    void fieldsOmittedFromTheNextApplyAreRemovedUnlessOthersOwnThem() {
        apply("pruned", "?fieldManager=tester", deployment("pruned", 1, "a: '1', b: '2'"));
        TestCluster.Response labelled = cluster.patch(DEPLOYMENTS + "pruned?fieldManager=labeller",
                APPLY, "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"pruned\","
                        + "\"labels\":{\"b\":\"2\"}}}");
        assertEquals(200, labelled.code(), labelled.raw());
        TestCluster.Response second = apply("pruned", "?fieldManager=tester", deployment("pruned", 1, ""));
        assertEquals(200, second.code(), second.raw());
        assertEquals("{\"b\":\"2\"}", second.body().path("metadata").path("labels").toString(),
                "a is gone, b is still the labeller's");
    }

    @Test
    void requestsWithoutAFieldManagerOrWithAWrongBodyAreRefused() {
        TestCluster.Response missing = apply("nomanager", "", deployment("nomanager", 1, ""));
        assertEquals(422, missing.code(), missing.raw());
        assertEquals("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for"
                + " apply patch", missing.body().path("message").asText());
        TestCluster.Response wrongName = apply("other", "?fieldManager=tester", deployment("nomanager", 1, ""));
        assertEquals(400, wrongName.code(), wrongName.raw());
    }

    @Test
    void ordinaryWritesRecordUpdateEntriesNamedAfterTheClient() {
        TestCluster.Response created = cluster.send(cluster.request("/api/v1/namespaces/default/configmaps")
                .header("Content-Type", "application/json").header("User-Agent", "kubectl-create/v1.32.0 (linux)")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"metadata\":{\"name\":\"cm\"},\"data\":{\"a\":\"1\"}}")).build());
        assertEquals(201, created.code(), created.raw());
        JsonNode entry = entry(created.body(), "kubectl-create", "Update");
        assertEquals("v1", entry.path("apiVersion").asText());
        assertEquals("{\"f:data\":{\".\":{},\"f:a\":{}}}", entry.path("fieldsV1").toString());

        TestCluster.Response edited = cluster.send(cluster.request("/api/v1/namespaces/default/configmaps/cm")
                .header("Content-Type", "application/merge-patch+json").header("User-Agent", "kubectl-edit/v1.32.0")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"data\":{\"b\":\"2\"}}")).build());
        assertEquals("{\"f:data\":{\"f:b\":{}}}", entry(edited.body(), "kubectl-edit", "Update")
                .path("fieldsV1").toString());
        assertEquals("{\"f:data\":{\".\":{},\"f:a\":{}}}", entry(edited.body(), "kubectl-create", "Update")
                .path("fieldsV1").toString());
        assertFalse(edited.body().path("metadata").path("managedFields").isEmpty());
    }
}
