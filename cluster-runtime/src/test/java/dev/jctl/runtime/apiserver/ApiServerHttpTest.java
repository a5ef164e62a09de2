package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiServerHttpTest {
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

    private static void assertStatus(TestCluster.Response r, int code, String reason, String message) {
        assertEquals(code, r.code(), r.raw());
        assertEquals("Status", r.body().path("kind").asText(), r.raw());
        assertEquals("v1", r.body().path("apiVersion").asText());
        assertEquals("Failure", r.body().path("status").asText());
        assertEquals(reason, r.body().path("reason").asText(), r.raw());
        assertEquals(code, r.body().path("code").asInt());
        if (message != null) {
            assertEquals(message, r.body().path("message").asText());
        }
    }

    @Test
    void requestsWithoutTheTokenAreUnauthorized() {
        TestCluster.Response noToken = cluster.send(HttpRequest.newBuilder(
                URI.create(cluster.server + "/api/v1/namespaces")).GET().build());
        assertStatus(noToken, 401, "Unauthorized", "Unauthorized");
        TestCluster.Response wrongToken = cluster.send(HttpRequest.newBuilder(
                URI.create(cluster.server + "/api")).header("Authorization", "Bearer nope").GET().build());
        assertStatus(wrongToken, 401, "Unauthorized", "Unauthorized");
        TestCluster.Response health = cluster.send(HttpRequest.newBuilder(
                URI.create(cluster.server + "/readyz")).GET().build());
        assertEquals(200, health.code());
        assertEquals("ok", health.raw());
    }

    @Test
    void versionIsAv132Server() {
        TestCluster.Response r = cluster.get("/version");
        assertEquals(200, r.code());
        assertEquals("1", r.body().path("major").asText());
        assertEquals("32", r.body().path("minor").asText());
        assertTrue(r.body().path("gitVersion").asText().startsWith("v1.32."));
    }

    @Test
    void systemNamespacesExistAtStart() {
        TestCluster.Response r = cluster.get("/api/v1/namespaces");
        List<String> names = new ArrayList<>();
        r.body().path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
        assertTrue(names.containsAll(List.of("default", "kube-system", "kube-public", "kube-node-lease")), names
                .toString());
        JsonNode ns = cluster.get("/api/v1/namespaces/default").body();
        assertEquals("Active", ns.path("status").path("phase").asText());
        assertEquals("default", ns.path("metadata").path("labels").path("kubernetes.io/metadata.name").asText());
    }

    @Test
    void createGetUpdateDeleteConfigMap() {
        TestCluster.Response created = cluster.post("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"crud\"},\"data\":{\"a\":\"1\"}}");
        assertEquals(201, created.code(), created.raw());
        JsonNode meta = created.body().path("metadata");
        assertEquals("default", meta.path("namespace").asText());
        assertFalse(meta.path("uid").asText().isEmpty());
        assertTrue(meta.path("creationTimestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        String rv = meta.path("resourceVersion").asText();
        assertTrue(Long.parseLong(rv) > 0);

        TestCluster.Response got = cluster.get("/api/v1/namespaces/default/configmaps/crud");
        assertEquals(200, got.code());
        assertEquals("1", got.body().path("data").path("a").asText());
        assertEquals(rv, got.body().path("metadata").path("resourceVersion").asText());

        assertStatus(cluster.post("/api/v1/namespaces/default/configmaps",
                        "{\"metadata\":{\"name\":\"crud\"}}"), 409, "AlreadyExists",
                "configmaps \"crud\" already exists");

        String update = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"crud\","
                + "\"resourceVersion\":\"" + rv + "\"},\"data\":{\"a\":\"2\"}}";
        TestCluster.Response updated = cluster.put("/api/v1/namespaces/default/configmaps/crud", update);
        assertEquals(200, updated.code(), updated.raw());
        assertNotEquals(rv, updated.body().path("metadata").path("resourceVersion").asText());
        assertEquals(meta.path("uid").asText(), updated.body().path("metadata").path("uid").asText());

        assertStatus(cluster.put("/api/v1/namespaces/default/configmaps/crud", update), 409, "Conflict",
                "Operation cannot be fulfilled on configmaps \"crud\": the object has been modified; please apply"
                        + " your changes to the latest version and try again");

        TestCluster.Response deleted = cluster.delete("/api/v1/namespaces/default/configmaps/crud");
        assertEquals(200, deleted.code());
        assertEquals("Success", deleted.body().path("status").asText());
        assertEquals("configmaps", deleted.body().path("details").path("kind").asText());
        assertStatus(cluster.get("/api/v1/namespaces/default/configmaps/crud"), 404, "NotFound",
                "configmaps \"crud\" not found");
        TestCluster.Response notFound = cluster.delete("/api/v1/namespaces/default/configmaps/crud");
        assertEquals("crud", notFound.body().path("details").path("name").asText());
        assertEquals("configmaps", notFound.body().path("details").path("kind").asText());
    }

    @Test
    void groupedResourcesAreNamedWithTheirGroup() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{"
                + "\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"nginx\"}]}}}}";
        TestCluster.Response created = cluster.post("/apis/apps/v1/namespaces/default/deployments", deployment);
        assertEquals(201, created.code(), created.raw());
        assertEquals(1, created.body().path("metadata").path("generation").asInt());
        assertStatus(cluster.post("/apis/apps/v1/namespaces/default/deployments", deployment), 409,
                "AlreadyExists", "deployments.apps \"web\" already exists");
        assertEquals("apps", cluster.post("/apis/apps/v1/namespaces/default/deployments", deployment).body()
                .path("details").path("group").asText());
        assertStatus(cluster.get("/apis/apps/v1/namespaces/default/deployments/nope"), 404, "NotFound",
                "deployments.apps \"nope\" not found");
    }

    @Test
    void namesAreValidatedAsDns1123() {
        TestCluster.Response r = cluster.post("/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"name\":\"Bad_Name\"}}");
        assertStatus(r, 422, "Invalid", null);
        assertTrue(r.body().path("message").asText().startsWith("ConfigMap \"Bad_Name\" is invalid: metadata.name:"
                + " Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"), r.raw());
        JsonNode cause = r.body().path("details").path("causes").get(0);
        assertEquals("FieldValueInvalid", cause.path("reason").asText());
        assertEquals("metadata.name", cause.path("field").asText());
        assertEquals("ConfigMap", r.body().path("details").path("kind").asText());

        TestCluster.Response missing = cluster.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{}}");
        assertStatus(missing, 422, "Invalid", "ConfigMap \"\" is invalid: metadata.name: Required value: name or"
                + " generateName is required");
        assertStatus(cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"a.b\"}}"), 422, "Invalid", null);
    }

    @Test
    void generateNameMakesAUniqueName() {
        TestCluster.Response r = cluster.post("/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"generateName\":\"gen-\"}}");
        assertEquals(201, r.code(), r.raw());
        assertTrue(r.body().path("metadata").path("name").asText().matches("gen-[bcdfghjklmnpqrstvwxz2456789]{5}"));
    }

    @Test
    void namespacedCreatesNeedTheNamespace() {
        assertStatus(cluster.post("/api/v1/namespaces/ghost/configmaps", "{\"metadata\":{\"name\":\"x\"}}"), 404,
                "NotFound", "namespaces \"ghost\" not found");
        assertStatus(cluster.post("/api/v1/namespaces/default/configmaps",
                        "{\"metadata\":{\"name\":\"x\",\"namespace\":\"other\"}}"), 400, "BadRequest",
                "the namespace of the provided object does not match the namespace sent on the request");
    }

    @Test
    void unknownResourcesAndMethodsAreRefused() {
        assertStatus(cluster.get("/api/v1/widgets"), 404, "NotFound", "the server could not find the requested"
                + " resource");
        assertStatus(cluster.delete("/api/v1/namespaces"), 405, "MethodNotAllowed", null);
        assertStatus(cluster.post("/api/v1/namespaces/default/configmaps", "not json"), 400, "BadRequest", null);
    }

    @Test
    void bodiesOver3MiBAreRejected() {
        String big = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"x\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}}";
        assertStatus(cluster.post("/api/v1/namespaces/default/configmaps", big), 413, "RequestEntityTooLarge", null);
        assertEquals(404, cluster.get("/api/v1/namespaces/default/configmaps/big").code());
    }

    @Test
    void dryRunValidatesButDoesNotStore() {
        TestCluster.Response r = cluster.post("/api/v1/namespaces/default/configmaps?dryRun=All",
                "{\"metadata\":{\"name\":\"dry\"},\"data\":{\"k\":\"v\"}}");
        assertEquals(201, r.code(), r.raw());
        assertEquals("dry", r.body().path("metadata").path("name").asText());
        assertEquals(404, cluster.get("/api/v1/namespaces/default/configmaps/dry").code());

        cluster.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"wet\"},\"data\":{\"k\":\"1\"}}");
        TestCluster.Response patched = cluster.patch("/api/v1/namespaces/default/configmaps/wet?dryRun=All",
                "application/merge-patch+json", "{\"data\":{\"k\":\"2\"}}");
        assertEquals("2", patched.body().path("data").path("k").asText(), patched.raw());
        assertEquals("1", cluster.get("/api/v1/namespaces/default/configmaps/wet").body().path("data").path("k")
                .asText());
        assertEquals(200, cluster.delete("/api/v1/namespaces/default/configmaps/wet?dryRun=All").code());
        assertEquals(200, cluster.get("/api/v1/namespaces/default/configmaps/wet").code());
    }

    @Test
    void listsPaginateWithContinueTokens() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"pages\"}}");
        for (int i = 0; i < 7; i++) {
            assertEquals(201, cluster.post("/api/v1/namespaces/pages/configmaps",
                    "{\"metadata\":{\"name\":\"cm-" + i + "\"}}").code());
        }
        List<String> names = new ArrayList<>();
        String token = null;
        String listRv = null;
        int pages = 0;
        do {
            TestCluster.Response page = cluster.get("/api/v1/namespaces/pages/configmaps?limit=3"
                    + (token == null ? "" : "&continue=" + token));
            assertEquals(200, page.code(), page.raw());
            assertEquals("ConfigMapList", page.body().path("kind").asText());
            page.body().path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
            String rv = page.body().path("metadata").path("resourceVersion").asText();
            if (listRv != null) {
                assertEquals(listRv, rv, "every page is read at the first page's revision");
            }
            listRv = rv;
            token = page.body().path("metadata").path("continue").asText(null);
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of("cm-0", "cm-1", "cm-2", "cm-3", "cm-4", "cm-5", "cm-6"), names);
        assertStatus(cluster.get("/api/v1/namespaces/pages/configmaps?limit=3&continue=garbage"), 400, "BadRequest",
                null);
    }

    /**
     * Lists without a selector are written from the stored bytes, with one from the decoded objects: an
     * all-matching selector takes the second path, and both answers must be the same bytes.
     */
    @Test
    void listsWithAndWithoutSelectorsAreTheSameBytes() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"bytes\"}}");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, cluster.post("/apis/apps/v1/namespaces/bytes/deployments", "{\"metadata\":{\"name\":"
                    + "\"web-" + i + "\",\"labels\":{\"app\":\"web\"},\"annotations\":{\"note\":\"\\u00e9 \\\"q\\\"\"}},"
                    + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":"
                    + "{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"a:1\"}]}}}}")
                    .code());
        }
        String base = "/apis/apps/v1/namespaces/bytes/deployments";
        TestCluster.Response streamed = cluster.get(base);
        TestCluster.Response decoded = cluster.get(base + "?labelSelector=app");
        assertEquals(200, streamed.code(), streamed.raw());
        assertEquals(3, streamed.body().path("items").size());
        assertEquals(decoded.raw(), streamed.raw());
        assertEquals(cluster.get(base + "/web-1").body(), streamed.body().path("items").get(1),
                "an item is what a GET of it answers");
        TestCluster.Response page = cluster.get(base + "?limit=2");
        assertEquals(cluster.get(base + "?limit=2&labelSelector=app").raw(), page.raw());
        assertEquals(2, page.body().path("items").size());
        TestCluster.Response table = cluster.get(base, "application/json;as=Table;v=v1;g=meta.k8s.io");
        assertEquals("Table", table.body().path("kind").asText(), table.raw());
        assertEquals(3, table.body().path("rows").size());
    }

    @Test
    void labelAndFieldSelectorsFilterLists() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"sel\"}}");
        String[][] objects = {{"a", "app=web,tier=front"}, {"b", "app=web,tier=back"}, {"c", "app=db"}};
        for (String[] o : objects) {
            StringBuilder labels = new StringBuilder();
            for (String kv : o[1].split(",")) {
                String[] p = kv.split("=");
                labels.append(labels.length() == 0 ? "" : ",").append('"').append(p[0]).append("\":\"").append(p[1])
                        .append('"');
            }
            cluster.post("/api/v1/namespaces/sel/configmaps", "{\"metadata\":{\"name\":\"" + o[0]
                    + "\",\"labels\":{" + labels + "}}}");
        }
        assertEquals(List.of("a", "b"), names("/api/v1/namespaces/sel/configmaps?labelSelector=app%3Dweb"));
        assertEquals(List.of("c"), names("/api/v1/namespaces/sel/configmaps?labelSelector=app!%3Dweb"));
        assertEquals(List.of("a", "c"), names("/api/v1/namespaces/sel/configmaps?labelSelector="
                + "tier%20notin%20(back)"));
        assertEquals(List.of("a", "b"), names("/api/v1/namespaces/sel/configmaps?labelSelector=tier"));
        assertEquals(List.of("c"), names("/api/v1/namespaces/sel/configmaps?labelSelector=!tier"));
        assertEquals(List.of("a"), names("/api/v1/namespaces/sel/configmaps?labelSelector="
                + "app%20in%20(web,db),tier%3D%3Dfront"));
        assertEquals(List.of("b"), names("/api/v1/namespaces/sel/configmaps?fieldSelector=metadata.name%3Db"));
        assertEquals(List.of("a", "b", "c"), names("/api/v1/configmaps?fieldSelector=metadata.namespace%3Dsel"));
        assertEquals(List.of("a"), names("/api/v1/namespaces/sel/configmaps?labelSelector=app%3Dweb&limit=1"));
        assertStatus(cluster.get("/api/v1/namespaces/sel/configmaps?fieldSelector=spec.nodeName%3Dx"), 400,
                "BadRequest", "\"spec.nodeName\" is not a known field selector: only \"metadata.name\", "
                        + "\"metadata.namespace\"");
    }

    @Test
    void listsSpanNamespacesWithoutOne() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"span-a\"}}");
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"span-b\"}}");
        cluster.post("/api/v1/namespaces/span-a/secrets", "{\"metadata\":{\"name\":\"s\",\"labels\":{\"span\":\"y\"}}}");
        cluster.post("/api/v1/namespaces/span-b/secrets", "{\"metadata\":{\"name\":\"s\",\"labels\":{\"span\":\"y\"}}}");
        TestCluster.Response all = cluster.get("/api/v1/secrets?labelSelector=span");
        List<String> namespaces = new ArrayList<>();
        all.body().path("items").forEach(i -> namespaces.add(i.path("metadata").path("namespace").asText()));
        assertEquals(List.of("span-a", "span-b"), namespaces);
        assertEquals("Opaque", all.body().path("items").get(0).path("type").asText());
    }

    @Test
    void finalizersDeferDeletion() {
        cluster.post("/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}");
        TestCluster.Response deleting = cluster.delete("/api/v1/namespaces/default/configmaps/held");
        assertEquals(200, deleting.code());
        assertFalse(deleting.body().path("metadata").path("deletionTimestamp").asText().isEmpty(), deleting.raw());
        JsonNode held = cluster.get("/api/v1/namespaces/default/configmaps/held").body();
        assertFalse(held.path("metadata").path("deletionTimestamp").isMissingNode());
        TestCluster.Response released = cluster.patch("/api/v1/namespaces/default/configmaps/held",
                "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}");
        assertEquals(200, released.code(), released.raw());
        assertEquals(404, cluster.get("/api/v1/namespaces/default/configmaps/held").code());
    }

    @Test
    void foregroundDeletionIsRecordedAsAFinalizer() {
        cluster.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"fg\"}}");
        TestCluster.Response r = cluster.send(cluster.request("/api/v1/namespaces/default/configmaps/fg")
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"propagationPolicy\":\"Foreground\"}"))
                .build());
        assertEquals(200, r.code(), r.raw());
        assertEquals("foregroundDeletion", cluster.get("/api/v1/namespaces/default/configmaps/fg").body()
                .path("metadata").path("finalizers").get(0).asText());
    }

    @Test
    void scheduledPodsGetAGracePeriodUnscheduledOnesGoAtOnce() {
        String pod = "{\"metadata\":{\"name\":\"%s\"},\"spec\":{%s\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}";
        cluster.post("/api/v1/namespaces/default/pods", pod.formatted("loose", ""));
        assertEquals(200, cluster.delete("/api/v1/namespaces/default/pods/loose").code());
        assertEquals(404, cluster.get("/api/v1/namespaces/default/pods/loose").code());

        cluster.post("/api/v1/namespaces/default/pods", pod.formatted("placed", "\"nodeName\":\"n1\","));
        TestCluster.Response r = cluster.delete("/api/v1/namespaces/default/pods/placed");
        assertEquals("Pod", r.body().path("kind").asText());
        JsonNode placed = cluster.get("/api/v1/namespaces/default/pods/placed").body();
        assertEquals(30, placed.path("metadata").path("deletionGracePeriodSeconds").asInt());
        assertEquals(200, cluster.delete("/api/v1/namespaces/default/pods/placed?gracePeriodSeconds=0").code());
        assertEquals(404, cluster.get("/api/v1/namespaces/default/pods/placed").code());
    }

    @Test
    void statusSubresourceSeparatesSpecFromStatus() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"st\"},"
                + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"st\"}},\"template\":{"
                + "\"metadata\":{\"labels\":{\"app\":\"st\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"nginx\"}]}}},\"status\":{\"replicas\":9}}";
        JsonNode created = cluster.post("/apis/apps/v1/namespaces/default/deployments", deployment).body();
        assertTrue(created.path("status").isMissingNode(), "status is dropped on create");
        String path = "/apis/apps/v1/namespaces/default/deployments/st";
        JsonNode viaStatus = cluster.patch(path + "/status", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":5},\"status\":{\"readyReplicas\":1}}").body();
        assertEquals(1, viaStatus.path("status").path("readyReplicas").asInt());
        assertEquals(1, viaStatus.path("spec").path("replicas").asInt(), "/status cannot change spec");
        assertEquals(1, viaStatus.path("metadata").path("generation").asInt());
        JsonNode viaMain = cluster.patch(path, "application/merge-patch+json",
                "{\"spec\":{\"replicas\":3},\"status\":{\"readyReplicas\":7}}").body();
        assertEquals(3, viaMain.path("spec").path("replicas").asInt());
        assertEquals(1, viaMain.path("status").path("readyReplicas").asInt(), "the main resource cannot change status");
        assertEquals(2, viaMain.path("metadata").path("generation").asInt(), "a spec change bumps generation");
        JsonNode labelsOnly = cluster.patch(path, "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}").body();
        assertEquals(2, labelsOnly.path("metadata").path("generation").asInt());
    }

    @Test
    void scaleSubresourceReadsAndWritesReplicas() {
        String rs = "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"sc\"},"
                + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"sc\"}},\"template\":{"
                + "\"metadata\":{\"labels\":{\"app\":\"sc\"}},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"nginx\"}]}}}}";
        cluster.post("/apis/apps/v1/namespaces/default/replicasets", rs);
        String path = "/apis/apps/v1/namespaces/default/replicasets/sc/scale";
        JsonNode scale = cluster.get(path).body();
        assertEquals("Scale", scale.path("kind").asText());
        assertEquals("autoscaling/v1", scale.path("apiVersion").asText());
        assertEquals(2, scale.path("spec").path("replicas").asInt());
        assertEquals("app=sc", scale.path("status").path("selector").asText());
        JsonNode patched = cluster.patch(path, "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}").body();
        assertEquals(4, patched.path("spec").path("replicas").asInt());
        assertEquals(4, cluster.get("/apis/apps/v1/namespaces/default/replicasets/sc").body().path("spec")
                .path("replicas").asInt());
        TestCluster.Response put = cluster.put(path, "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\","
                + "\"metadata\":{\"name\":\"sc\",\"resourceVersion\":\"1\"},\"spec\":{\"replicas\":1}}");
        assertStatus(put, 409, "Conflict", null);
        assertEquals(404, cluster.get("/api/v1/namespaces/default/configmaps/x/scale").code());
    }

    @Test
    void jsonPatchAndMergePatchApply() {
        cluster.post("/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"name\":\"patchy\"},\"data\":{\"a\":\"1\",\"b\":\"2\"}}");
        String path = "/api/v1/namespaces/default/configmaps/patchy";
        JsonNode json = cluster.patch(path, "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"9\"},{\"op\":\"remove\",\"path\":\"/data/b\"}]")
                .body();
        assertEquals("9", json.path("data").path("a").asText());
        assertTrue(json.path("data").path("b").isMissingNode());
        JsonNode merge = cluster.patch(path, "application/merge-patch+json", "{\"data\":{\"c\":\"3\",\"a\":null}}")
                .body();
        assertEquals("{\"c\":\"3\"}", merge.path("data").toString());
        TestCluster.Response failedTest = cluster.patch(path, "application/json-patch+json",
                "[{\"op\":\"test\",\"path\":\"/data/c\",\"value\":\"4\"}]");
        assertStatus(failedTest, 422, "Invalid", "the server rejected our request due to an error in our request");
        assertEquals("{}", failedTest.body().path("details").toString());
        assertStatus(cluster.patch(path, "application/merge-patch+json",
                "{\"metadata\":{\"resourceVersion\":\"1\"}}"), 409, "Conflict", null);
        assertEquals(415, cluster.patch(path, "text/plain", "{}").code());
    }

    /** kube-apiserver's PatchResource checks the Content-Type before it reads the body or looks the object up. */
    @Test
    void unsupportedPatchTypeComesBeforeNotFound() {
        String missing = "/api/v1/namespaces/default/configmaps/never-created";
        assertStatus(cluster.patch(missing, "application/json", "{}"), 415, "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json, "
                        + "application/strategic-merge-patch+json, application/apply-patch+yaml");
        assertStatus(cluster.patch(missing, "text/plain; charset=utf-8", "not even json"), 415,
                "UnsupportedMediaType", null);
        assertStatus(cluster.patch(missing, "application/merge-patch+json", "{}"), 404, "NotFound",
                "configmaps \"never-created\" not found");
    }

    @Test
    void noOpUpdatesKeepTheResourceVersion() {
        JsonNode created = cluster.post("/api/v1/namespaces/default/configmaps",
                "{\"metadata\":{\"name\":\"same\"},\"data\":{\"a\":\"1\"}}").body();
        JsonNode patched = cluster.patch("/api/v1/namespaces/default/configmaps/same",
                "application/merge-patch+json", "{\"data\":{\"a\":\"1\"}}").body();
        assertEquals(created.path("metadata").path("resourceVersion"), patched.path("metadata").path("resourceVersion"));
    }

    @Test
    void deleteCollectionRemovesWhatTheSelectorPicks() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"dc\"}}");
        cluster.post("/api/v1/namespaces/dc/configmaps", "{\"metadata\":{\"name\":\"x1\",\"labels\":{\"g\":\"1\"}}}");
        cluster.post("/api/v1/namespaces/dc/configmaps", "{\"metadata\":{\"name\":\"x2\",\"labels\":{\"g\":\"1\"}}}");
        cluster.post("/api/v1/namespaces/dc/configmaps", "{\"metadata\":{\"name\":\"keep\"}}");
        TestCluster.Response r = cluster.delete("/api/v1/namespaces/dc/configmaps?labelSelector=g%3D1");
        assertEquals(200, r.code(), r.raw());
        assertEquals(2, r.body().path("items").size());
        assertEquals(List.of("keep"), names("/api/v1/namespaces/dc/configmaps"));
    }

    @Test
    void deletingANamespaceDeletesItsContents() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"doomed\"}}");
        cluster.post("/api/v1/namespaces/doomed/configmaps", "{\"metadata\":{\"name\":\"c\"}}");
        assertEquals(200, cluster.delete("/api/v1/namespaces/doomed").code());
        assertEquals(404, cluster.get("/api/v1/namespaces/doomed").code());
        assertEquals(List.of(), names("/api/v1/configmaps?fieldSelector=metadata.namespace%3Ddoomed"));
    }

    @Test
    void secretStringDataIsFoldedIntoData() {
        JsonNode secret = cluster.post("/api/v1/namespaces/default/secrets",
                "{\"metadata\":{\"name\":\"sd\"},\"stringData\":{\"user\":\"admin\"}}").body();
        assertEquals("YWRtaW4=", secret.path("data").path("user").asText());
        assertNull(secret.get("stringData"));
    }

    @Test
    void defaultsAreFilledInLikeTheRealServer() {
        JsonNode deployment = cluster.post("/apis/apps/v1/namespaces/default/deployments", "{\"metadata\":{"
                + "\"name\":\"defaulted\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"d\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"d\"}},\"spec\":{\"containers\":["
                + "{\"name\":\"c\",\"image\":\"nginx\",\"ports\":[{\"containerPort\":80}]}]}}}}").body();
        JsonNode spec = deployment.path("spec");
        assertEquals(1, spec.path("replicas").asInt());
        assertEquals("{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\",\"maxSurge\":"
                + "\"25%\"}}", spec.path("strategy").toString());
        assertEquals(10, spec.path("revisionHistoryLimit").asInt());
        assertEquals(600, spec.path("progressDeadlineSeconds").asInt());
        JsonNode pod = spec.path("template").path("spec");
        assertEquals("Always", pod.path("restartPolicy").asText());
        assertEquals("ClusterFirst", pod.path("dnsPolicy").asText());
        assertEquals(30, pod.path("terminationGracePeriodSeconds").asInt());
        JsonNode container = pod.path("containers").get(0);
        assertEquals("Always", container.path("imagePullPolicy").asText(), "an untagged image is pulled always");
        assertEquals("TCP", container.path("ports").get(0).path("protocol").asText());
        assertEquals("/dev/termination-log", container.path("terminationMessagePath").asText());

        JsonNode service = cluster.post("/api/v1/namespaces/default/services", "{\"metadata\":{\"name\":"
                + "\"defaulted\"},\"spec\":{\"ports\":[{\"port\":8080}]}}").body().path("spec");
        assertEquals("ClusterIP", service.path("type").asText());
        assertEquals(8080, service.path("ports").get(0).path("targetPort").asInt());
        assertEquals("TCP", service.path("ports").get(0).path("protocol").asText());
    }

    @Test
    void probesHandlersFieldRefsVolumesAndPodRequestsAreDefaulted() {
        String containers = "\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.27\","
                + "\"livenessProbe\":{\"httpGet\":{\"port\":8080}},\"readinessProbe\":{\"exec\":{\"command\":[\"true\"]},"
                + "\"periodSeconds\":5},\"lifecycle\":{\"preStop\":{\"httpGet\":{\"path\":\"/stop\",\"port\":80}}},"
                + "\"env\":[{\"name\":\"POD\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}}],"
                + "\"resources\":{\"limits\":{\"cpu\":\"500m\",\"memory\":\"64Mi\"},\"requests\":{\"cpu\":\"100m\"}}}],"
                + "\"volumes\":[{\"name\":\"s\",\"secret\":{\"secretName\":\"x\"}},{\"name\":\"m\",\"configMap\":"
                + "{\"name\":\"y\",\"defaultMode\":256}},{\"name\":\"d\",\"downwardAPI\":{\"items\":[{\"path\":\"n\","
                + "\"fieldRef\":{\"fieldPath\":\"metadata.name\"}}]}}]";
        JsonNode pod = cluster.post("/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"probed\"},"
                + "\"spec\":{" + containers + "}}").body().path("spec");
        JsonNode c = pod.path("containers").get(0);
        assertEquals("{\"httpGet\":{\"port\":8080,\"path\":\"/\",\"scheme\":\"HTTP\"},\"timeoutSeconds\":1,"
                + "\"periodSeconds\":10,\"successThreshold\":1,\"failureThreshold\":3}", c.path("livenessProbe").toString());
        assertEquals(5, c.path("readinessProbe").path("periodSeconds").asInt(), "a given value is kept");
        assertEquals("{\"path\":\"/stop\",\"port\":80,\"scheme\":\"HTTP\"}",
                c.path("lifecycle").path("preStop").path("httpGet").toString());
        assertEquals("v1", c.path("env").get(0).path("valueFrom").path("fieldRef").path("apiVersion").asText());
        assertEquals("{\"cpu\":\"100m\",\"memory\":\"64Mi\"}", c.path("resources").path("requests").toString(),
                "a pod requests what it limits unless it asks for less");
        assertEquals(420, pod.path("volumes").get(0).path("secret").path("defaultMode").asInt());
        assertEquals(256, pod.path("volumes").get(1).path("configMap").path("defaultMode").asInt());
        JsonNode downward = pod.path("volumes").get(2).path("downwardAPI");
        assertEquals(420, downward.path("defaultMode").asInt());
        assertEquals("v1", downward.path("items").get(0).path("fieldRef").path("apiVersion").asText());

        JsonNode template = cluster.post("/apis/apps/v1/namespaces/default/deployments", "{\"metadata\":{\"name\":"
                + "\"probed\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"p\"}},\"template\":{\"metadata\":"
                + "{\"labels\":{\"app\":\"p\"}},\"spec\":{" + containers + "}}}}").body()
                .path("spec").path("template").path("spec");
        assertEquals(1, template.path("containers").get(0).path("livenessProbe").path("timeoutSeconds").asInt());
        assertEquals("{\"cpu\":\"100m\"}", template.path("containers").get(0).path("resources").path("requests")
                .toString(), "templates are not given requests from limits");
    }

    @Test
    void bindingAssignsANodeOnceAndEvictionDeletes() {
        cluster.post("/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"bound\"},\"spec\":{"
                + "\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}");
        String binding = "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bound\"},"
                + "\"target\":{\"kind\":\"Node\",\"name\":\"%s\"}}";
        TestCluster.Response bound = cluster.post("/api/v1/namespaces/default/pods/bound/binding",
                binding.formatted("node-1"));
        assertEquals(201, bound.code(), bound.raw());
        assertEquals("node-1", cluster.get("/api/v1/namespaces/default/pods/bound").body().path("spec")
                .path("nodeName").asText());
        assertStatus(cluster.post("/api/v1/namespaces/default/pods/bound/binding", binding.formatted("node-2")),
                409, "Conflict", "Operation cannot be fulfilled on pods \"bound\": pod bound is already assigned to"
                        + " node \"node-1\"");

        TestCluster.Response evicted = cluster.post("/api/v1/namespaces/default/pods/bound/eviction?"
                + "gracePeriodSeconds=0", "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\","
                + "\"metadata\":{\"name\":\"bound\"}}");
        assertEquals(201, evicted.code(), evicted.raw());
        assertEquals(404, cluster.get("/api/v1/namespaces/default/pods/bound").code());
        assertEquals(404, cluster.get("/api/v1/pods/bound").code(), "namespaced objects need their namespace");
    }

    @Test
    void servicesGetClusterIpsAndNodePortsOnce() {
        cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"svc\"}}");
        String path = "/api/v1/namespaces/svc/services";
        JsonNode a = cluster.post(path, "{\"metadata\":{\"name\":\"a\"},\"spec\":{\"type\":\"NodePort\","
                + "\"ports\":[{\"port\":80}]}}").body().path("spec");
        String ip = a.path("clusterIP").asText();
        String[] octets = ip.split("\\.");
        assertEquals("10", octets[0]);
        assertTrue(Integer.parseInt(octets[1]) >= 96 && Integer.parseInt(octets[1]) <= 111, ip);
        assertEquals("[\"" + ip + "\"]", a.path("clusterIPs").toString());
        int nodePort = a.path("ports").get(0).path("nodePort").asInt();
        assertTrue(nodePort >= 30000 && nodePort <= 32767, a.toString());

        assertStatus(cluster.post(path, "{\"metadata\":{\"name\":\"b\"},\"spec\":{\"clusterIP\":\"" + ip
                + "\",\"ports\":[{\"port\":80}]}}"), 422, "Invalid", "Service \"b\" is invalid: spec.clusterIPs:"
                + " Invalid value: []string{\"" + ip + "\"}: failed to allocate IP " + ip + ": provided IP is already"
                + " allocated");
        assertStatus(cluster.post(path, "{\"metadata\":{\"name\":\"c\"},\"spec\":{\"type\":\"NodePort\","
                + "\"ports\":[{\"port\":80,\"nodePort\":" + nodePort + "}]}}"), 422, "Invalid",
                "Service \"c\" is invalid: spec.ports[0].nodePort: Invalid value: " + nodePort + ": provided port is"
                        + " already allocated");
        assertStatus(cluster.post(path, "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"clusterIP\":\"1.2.3.4\","
                + "\"ports\":[{\"port\":80}]}}"), 422, "Invalid", null);
        assertEquals("None", cluster.post(path, "{\"metadata\":{\"name\":\"headless\"},\"spec\":{\"clusterIP\":"
                + "\"None\",\"ports\":[{\"port\":80}]}}").body().path("spec").path("clusterIP").asText());

        JsonNode relabelled = cluster.patch(path + "/a", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}").body().path("spec");
        assertEquals(ip, relabelled.path("clusterIP").asText());
        assertEquals(nodePort, relabelled.path("ports").get(0).path("nodePort").asInt());
        assertStatus(cluster.patch(path + "/a", "application/merge-patch+json",
                "{\"spec\":{\"clusterIP\":\"10.96.0.99\"}}"), 422, "Invalid", "Service \"a\" is invalid:"
                + " spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.99\"}: may not change once set");

        cluster.delete(path + "/a");
        assertEquals(ip, cluster.post(path, "{\"metadata\":{\"name\":\"reuse\"},\"spec\":{\"clusterIP\":\""
                + ip + "\",\"ports\":[{\"port\":80}]}}").body().path("spec").path("clusterIP").asText(),
                "a deleted service frees its IP");
    }

    private static List<String> names(String path) {
        TestCluster.Response r = cluster.get(path);
        assertEquals(200, r.code(), r.raw());
        List<String> names = new ArrayList<>();
        r.body().path("items").forEach(i -> names.add(i.path("metadata").path("name").asText()));
        return names;
    }
}
