package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Required and immutable fields of the kinds users write daily, with kube-apiserver's Status wording. */
class ObjectValidationHttpTest {
    private static final String APPS = "/apis/apps/v1/namespaces/default/";
    private static final String CONTAINERS = "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}";

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

    private static String workload(String kind, String name, String selectorLabel, String templateLabel) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"" + selectorLabel + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + templateLabel + "\"}}," + CONTAINERS + "}}}";
    }

    /** A 422 Invalid whose causes are {@code reason field message} triples, in order. */
    private static void assertInvalid(TestCluster.Response r, String message, List<String> causes) {
        assertEquals(422, r.code(), r.raw());
        assertEquals("Invalid", r.body().path("reason").asText());
        assertEquals(message, r.body().path("message").asText());
        JsonNode actual = r.body().path("details").path("causes");
        assertEquals(causes.size(), actual.size(), r.raw());
        for (int i = 0; i < causes.size(); i++) {
            JsonNode c = actual.get(i);
            assertEquals(causes.get(i), c.path("reason").asText() + " " + c.path("field").asText() + " "
                    + c.path("message").asText());
        }
    }

    @Test
    void labelAndAnnotationKeysAreQualifiedNamesAndAnnotationsStayUnder256KiB() {
        String qualified = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
                + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        String value = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                + " and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                + " '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        TestCluster.Response bad = cluster.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":"
                + "\"labelled\",\"labels\":{\"b@d\":\"ok\",\"tier\":\"-gold\",\"example.com/\":\"\"},"
                + "\"annotations\":{\"Example.COM/Owner\":\"x\",\"a/b/c\":\"y\"}}}");
        assertInvalid(bad, "ConfigMap \"labelled\" is invalid: [metadata.labels: Invalid value: \"b@d\": name part "
                + qualified + ", metadata.labels: Invalid value: \"-gold\": " + value
                + ", metadata.labels: Invalid value: \"example.com/\": name part must be non-empty"
                + ", metadata.labels: Invalid value: \"example.com/\": name part " + qualified
                + ", metadata.annotations: Invalid value: \"a/b/c\": a qualified name " + qualified
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')]", List.of(
                "FieldValueInvalid metadata.labels Invalid value: \"b@d\": name part " + qualified,
                "FieldValueInvalid metadata.labels Invalid value: \"-gold\": " + value,
                "FieldValueInvalid metadata.labels Invalid value: \"example.com/\": name part must be non-empty",
                "FieldValueInvalid metadata.labels Invalid value: \"example.com/\": name part " + qualified,
                "FieldValueInvalid metadata.annotations Invalid value: \"a/b/c\": a qualified name " + qualified
                        + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
        assertEquals(404, cluster.get("/api/v1/namespaces/default/configmaps/labelled").code(), "nothing stored");

        String big = "x".repeat(256 * 1024 - "k".length() + 1);
        assertInvalid(cluster.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"annotated\","
                        + "\"annotations\":{\"k\":\"" + big + "\"}}}"),
                "ConfigMap \"annotated\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes",
                List.of("FieldValueTooLong metadata.annotations Too long: must have at most 262144 bytes"));
        assertEquals(201, cluster.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":"
                + "\"annotated\",\"annotations\":{\"k\":\"" + big.substring(1) + "\"}}}").code(), "exactly at the limit");
    }

    @Test
    void deploymentsNeedASelectorThatSelectsTheirTemplate() {
        String noSelector = "{\"metadata\":{\"name\":\"nosel\"},\"spec\":{\"template\":{\"metadata\":{\"labels\":"
                + "{\"app\":\"web\"}}," + CONTAINERS + "}}}";
        assertInvalid(cluster.post(APPS + "deployments", noSelector), "Deployment.apps \"nosel\" is invalid:"
                        + " [spec.selector: Required value, spec.template.metadata.labels: Invalid value:"
                        + " map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`]",
                List.of("FieldValueRequired spec.selector Required value",
                        "FieldValueInvalid spec.template.metadata.labels Invalid value: map[string]string{\"app\":"
                                + "\"web\"}: `selector` does not match template `labels`"));
        assertInvalid(cluster.post(APPS + "deployments", workload("Deployment", "mismatch", "a", "b")),
                "Deployment.apps \"mismatch\" is invalid: spec.template.metadata.labels: Invalid value:"
                        + " map[string]string{\"app\":\"b\"}: `selector` does not match template `labels`",
                List.of("FieldValueInvalid spec.template.metadata.labels Invalid value: map[string]string{\"app\":"
                        + "\"b\"}: `selector` does not match template `labels`"));
        String expressions = "{\"metadata\":{\"name\":\"expr\"},\"spec\":{\"selector\":{\"matchExpressions\":[{\"key\":"
                + "\"app\",\"operator\":\"In\",\"values\":[\"web\",\"api\"]}]},\"template\":{\"metadata\":"
                + "{\"labels\":{\"app\":\"api\"}}," + CONTAINERS + "}}}";
        assertEquals(201, cluster.post(APPS + "deployments", expressions).code(), "matchExpressions select too");
    }

    @Test
    void workloadSelectorsAreImmutable() {
        for (String plural : List.of("deployments", "replicasets", "daemonsets")) {
            String kind = switch (plural) {
                case "deployments" -> "Deployment";
                case "replicasets" -> "ReplicaSet";
                default -> "DaemonSet";
            };
            TestCluster.Response created = cluster.post(APPS + plural, workload(kind, "fixed", "one", "one"));
            assertEquals(201, created.code(), created.raw());
            TestCluster.Response changed = cluster.patch(APPS + plural + "/fixed", "application/merge-patch+json",
                    "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"two\"}},\"template\":{\"metadata\":"
                            + "{\"labels\":{\"app\":\"two\"}}}}}");
            String value = "v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"two\"},"
                    + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}";
            assertInvalid(changed, kind + ".apps \"fixed\" is invalid: spec.selector: Invalid value: " + value
                    + ": field is immutable", List.of("FieldValueInvalid spec.selector Invalid value: " + value
                    + ": field is immutable"));
            TestCluster.Response scaled = cluster.patch(APPS + plural + "/fixed", "application/merge-patch+json",
                    "{\"metadata\":{\"labels\":{\"tier\":\"x\"}}}");
            assertEquals(200, scaled.code(), "other changes still go through: " + scaled.raw());
        }
    }

    @Test
    void statefulSetSpecsChangeOnlyWhereUpstreamAllows() {
        String set = "{\"metadata\":{\"name\":\"db\"},\"spec\":{\"serviceName\":\"db\",\"selector\":{\"matchLabels\":"
                + "{\"app\":\"db\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"db\"}}," + CONTAINERS + "}}}";
        assertEquals(201, cluster.post(APPS + "statefulsets", set).code());
        assertEquals(200, cluster.patch(APPS + "statefulsets/db", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":3}}").code());
        String detail = "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals',"
                + " 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'"
                + " and 'minReadySeconds' are forbidden";
        assertInvalid(cluster.patch(APPS + "statefulsets/db", "application/merge-patch+json",
                        "{\"spec\":{\"serviceName\":\"other\"}}"), "StatefulSet.apps \"db\" is invalid: spec: " + detail,
                List.of("FieldValueForbidden spec " + detail));
    }

    @Test
    void jobTemplatesAreImmutable() {
        String job = "{\"metadata\":{\"name\":\"once\"},\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"Never\","
                + "\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}";
        String path = "/apis/batch/v1/namespaces/default/jobs";
        assertEquals(201, cluster.post(path, job).code());
        TestCluster.Response changed = cluster.patch(path + "/once", "application/strategic-merge-patch+json",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"alpine\"}]}}}}");
        assertEquals(422, changed.code(), changed.raw());
        String message = changed.body().path("message").asText();
        assertTrue(message.startsWith("Job.batch \"once\" is invalid: spec.template: Invalid value: {")
                && message.contains("\"image\":\"alpine\"") && message.endsWith("}: field is immutable"), message);
        assertEquals("spec.template", changed.body().path("details").path("causes").get(0).path("field").asText());
        assertEquals(200, cluster.patch(path + "/once", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}").code(), "metadata still changes");
    }

    @Test
    void podsNeedNamedContainersWithImages() {
        String path = "/api/v1/namespaces/default/pods";
        assertInvalid(cluster.post(path, "{\"metadata\":{\"name\":\"empty\"},\"spec\":{}}"),
                "Pod \"empty\" is invalid: spec.containers: Required value",
                List.of("FieldValueRequired spec.containers Required value"));
        assertInvalid(cluster.post(path, "{\"metadata\":{\"name\":\"bare\"},\"spec\":{\"containers\":[{\"name\":"
                        + "\"a\",\"image\":\"x\"},{\"name\":\"b\"}]}}"),
                "Pod \"bare\" is invalid: spec.containers[1].image: Required value",
                List.of("FieldValueRequired spec.containers[1].image Required value"));
        assertInvalid(cluster.post(path, "{\"metadata\":{\"name\":\"nameless\"},\"spec\":{\"containers\":[{\"image\":"
                        + "\"x\"}]}}"),
                "Pod \"nameless\" is invalid: spec.containers[0].name: Required value",
                List.of("FieldValueRequired spec.containers[0].name Required value"));
        assertInvalid(cluster.post(APPS + "deployments", "{\"metadata\":{\"name\":\"noimage\"},\"spec\":{\"selector\":"
                        + "{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":"
                        + "{\"containers\":[{\"name\":\"c\"}]}}}}"),
                "Deployment.apps \"noimage\" is invalid: spec.template.spec.containers[0].image: Required value",
                List.of("FieldValueRequired spec.template.spec.containers[0].image Required value"));
    }

    @Test
    void secretDataMustBeBase64() {
        String path = "/api/v1/namespaces/default/secrets";
        TestCluster.Response bad = cluster.post(path, "{\"metadata\":{\"name\":\"bad\"},\"data\":{\"k\":\"aGVsbG8\"}}");
        assertEquals(400, bad.code(), bad.raw());
        assertEquals("BadRequest", bad.body().path("reason").asText());
        assertEquals("Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 4",
                bad.body().path("message").asText());
        assertEquals(201, cluster.post(path, "{\"metadata\":{\"name\":\"good\"},\"data\":{\"k\":\"aGVsbG8=\"}}")
                .code());
        // a patch result that does not decode is an Invalid patch, as upstream's jsonPatcher reports it
        TestCluster.Response patched = cluster.patch(path + "/good", "application/merge-patch+json",
                "{\"data\":{\"k\":\"not base64\"}}");
        assertEquals(422, patched.code(), patched.raw());
        assertEquals(true, patched.body().path("message").asText().endsWith(
                "\": illegal base64 data at input byte 3"), patched.raw());
    }

    @Test
    void clusterIpServicesHaveNoNodePorts() {
        String path = "/api/v1/namespaces/default/services";
        String forbidden = "Forbidden: may not be used when `type` is 'ClusterIP'";
        assertInvalid(cluster.post(path, "{\"metadata\":{\"name\":\"pinned\"},\"spec\":{\"ports\":[{\"port\":80,"
                        + "\"nodePort\":30080}]}}"),
                "Service \"pinned\" is invalid: spec.ports[0].nodePort: " + forbidden,
                List.of("FieldValueForbidden spec.ports[0].nodePort " + forbidden));
        assertInvalid(cluster.post(path, "{\"metadata\":{\"name\":\"pinned\"},\"spec\":{\"type\":\"ClusterIP\","
                        + "\"ports\":[{\"name\":\"a\",\"port\":80,\"nodePort\":30080},{\"name\":\"b\",\"port\":81},"
                        + "{\"name\":\"c\",\"port\":82,\"nodePort\":30082}]}}"),
                "Service \"pinned\" is invalid: [spec.ports[0].nodePort: " + forbidden + ", spec.ports[2].nodePort: "
                        + forbidden + "]",
                List.of("FieldValueForbidden spec.ports[0].nodePort " + forbidden,
                        "FieldValueForbidden spec.ports[2].nodePort " + forbidden));
        assertEquals(404, cluster.get(path + "/pinned").code());

        TestCluster.Response nodePort = cluster.post(path, "{\"metadata\":{\"name\":\"switch\"},\"spec\":{\"type\":"
                + "\"NodePort\",\"ports\":[{\"port\":80}]}}");
        assertEquals(201, nodePort.code(), nodePort.raw());
        int allocated = nodePort.body().path("spec").path("ports").get(0).path("nodePort").asInt();
        int other = allocated == 30999 ? 30998 : 30999;
        assertInvalid(cluster.patch(path + "/switch", "application/merge-patch+json", "{\"spec\":{\"type\":"
                        + "\"ClusterIP\",\"ports\":[{\"port\":80,\"nodePort\":" + other + "}]}}"),
                "Service \"switch\" is invalid: spec.ports[0].nodePort: " + forbidden,
                List.of("FieldValueForbidden spec.ports[0].nodePort " + forbidden));
        TestCluster.Response switched = cluster.patch(path + "/switch", "application/merge-patch+json",
                "{\"spec\":{\"type\":\"ClusterIP\"}}");
        assertEquals(200, switched.code(), "node ports left as they were are dropped: " + switched.raw());
        assertEquals("{\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}",
                switched.body().path("spec").path("ports").get(0).toString());
    }
}
