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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery and Table responses, checked against the shapes kube-apiserver v1.32 sends. */
class ApiServerDiscoveryTest {
    private static final String KUBECTL_DISCOVERY_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;"
            + "as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
            + "application/json";
    private static final String TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

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
    void aggregatedDiscoveryV2ListsEveryGroup() {
        TestCluster.Response apis = cluster.get("/apis", KUBECTL_DISCOVERY_ACCEPT);
        assertEquals(200, apis.code());
        assertEquals("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", apis.contentType());
        assertEquals("APIGroupDiscoveryList", apis.body().path("kind").asText());
        assertEquals("apidiscovery.k8s.io/v2", apis.body().path("apiVersion").asText());
        JsonNode apps = find(apis.body().path("items"), i -> i.path("metadata").path("name").asText().equals("apps"));
        JsonNode v1 = apps.path("versions").get(0);
        assertEquals("v1", v1.path("version").asText());
        assertEquals("Current", v1.path("freshness").asText());
        JsonNode deployments = find(v1.path("resources"), r -> r.path("resource").asText().equals("deployments"));
        assertEquals("Namespaced", deployments.path("scope").asText());
        assertEquals("deployment", deployments.path("singularResource").asText());
        assertEquals("{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"}",
                deployments.path("responseKind").toString());
        assertEquals("[\"deploy\"]", deployments.path("shortNames").toString());
        assertEquals("[\"all\"]", deployments.path("categories").toString());
        JsonNode scale = find(deployments.path("subresources"), s -> s.path("subresource").asText().equals("scale"));
        assertEquals("{\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"}",
                scale.path("responseKind").toString());
        assertEquals("[\"get\",\"patch\",\"update\"]", scale.path("verbs").toString());

        JsonNode autoscaling = find(apis.body().path("items"),
                i -> i.path("metadata").path("name").asText().equals("autoscaling"));
        assertEquals("v2", autoscaling.path("versions").get(0).path("version").asText(), "preferred version first");

        TestCluster.Response core = cluster.get("/api", KUBECTL_DISCOVERY_ACCEPT);
        assertEquals(1, core.body().path("items").size());
        JsonNode coreGroup = core.body().path("items").get(0);
        assertTrue(coreGroup.path("metadata").path("name").isMissingNode(), "the legacy group has no name");
        JsonNode namespaces = find(coreGroup.path("versions").get(0).path("resources"),
                r -> r.path("resource").asText().equals("namespaces"));
        assertEquals("Cluster", namespaces.path("scope").asText());
        assertTrue(!namespaces.path("verbs").toString().contains("deletecollection"));
    }

    @Test
    void v2beta1IsServedWhenPreferred() {
        TestCluster.Response r = cluster.get("/apis",
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");
        assertEquals("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", r.contentType());
        assertEquals("apidiscovery.k8s.io/v2beta1", r.body().path("apiVersion").asText());
    }

    @Test
    void legacyDiscoveryDocuments() {
        JsonNode api = cluster.get("/api").body();
        assertEquals("APIVersions", api.path("kind").asText());
        assertEquals("[\"v1\"]", api.path("versions").toString());
        JsonNode groups = cluster.get("/apis", "application/json").body();
        assertEquals("APIGroupList", groups.path("kind").asText());
        JsonNode autoscaling = find(groups.path("groups"), g -> g.path("name").asText().equals("autoscaling"));
        assertEquals("autoscaling/v2", autoscaling.path("preferredVersion").path("groupVersion").asText());
        assertEquals("APIGroup", cluster.get("/apis/apps").body().path("kind").asText());

        JsonNode appsV1 = cluster.get("/apis/apps/v1").body();
        assertEquals("APIResourceList", appsV1.path("kind").asText());
        assertEquals("apps/v1", appsV1.path("groupVersion").asText());
        JsonNode scale = find(appsV1.path("resources"), r -> r.path("name").asText().equals("deployments/scale"));
        assertEquals("autoscaling", scale.path("group").asText());
        assertEquals("Scale", scale.path("kind").asText());
        JsonNode pods = find(cluster.get("/api/v1").body().path("resources"),
                r -> r.path("name").asText().equals("pods"));
        assertEquals("[\"po\"]", pods.path("shortNames").toString());
        assertEquals("pod", pods.path("singularName").asText());
        assertEquals(404, cluster.get("/apis/nope/v1").code());
    }

    @Test
    void openApiV3IndexPointsAtOneDocumentPerGroupVersion() {
        JsonNode index = cluster.get("/openapi/v3").body();
        String url = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
        assertTrue(url.matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{128}"), url);
        JsonNode doc = cluster.get(url).body();
        JsonNode patch = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
        assertEquals("Deployment", patch.path("x-kubernetes-group-version-kind").path("kind").asText());
        assertNotNull(find(patch.path("parameters"), p -> p.path("name").asText().equals("fieldValidation")));
    }

    @Test
    void tablesHaveTheUpstreamColumns() {
        cluster.post("/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"nodeName\":\"n1\","
                + "\"containers\":[{\"name\":\"a\",\"image\":\"x\"},{\"name\":\"b\",\"image\":\"y\"}]}}");
        TestCluster.Response r = cluster.get("/api/v1/namespaces/default/pods", TABLE_ACCEPT);
        assertEquals(200, r.code(), r.raw());
        assertEquals("application/json;as=Table;v=v1;g=meta.k8s.io", r.contentType());
        JsonNode table = r.body();
        assertEquals("Table", table.path("kind").asText());
        assertEquals(List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node",
                "Readiness Gates"), names(table));
        assertEquals(1, table.path("columnDefinitions").get(5).path("priority").asInt(), "IP is a wide column");
        assertEquals("name", table.path("columnDefinitions").get(0).path("format").asText());
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertEquals("[\"p\",\"0/2\",\"Pending\",\"0\"]", "[" + cells.get(0) + "," + cells.get(1) + ","
                + cells.get(2) + "," + cells.get(3) + "]");
        assertEquals("n1", cells.get(6).asText());
        assertEquals("<none>", cells.get(5).asText());
        JsonNode rowObject = table.path("rows").get(0).path("object");
        assertEquals("PartialObjectMetadata", rowObject.path("kind").asText());
        assertEquals("p", rowObject.path("metadata").path("name").asText());

        JsonNode one = cluster.get("/api/v1/namespaces/default/pods/p?includeObject=None", TABLE_ACCEPT).body();
        assertEquals(1, one.path("rows").size());
        assertTrue(one.path("rows").get(0).path("object").isMissingNode());
    }

    @Test
    void deploymentAndServiceTables() {
        cluster.post("/apis/apps/v1/namespaces/default/deployments", "{\"metadata\":{\"name\":\"d\"},\"spec\":{"
                + "\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"d\"}},\"template\":{\"metadata\":{"
                + "\"labels\":{\"app\":\"d\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1\"}]}}}}");
        JsonNode deployments = cluster.get("/apis/apps/v1/namespaces/default/deployments/d", TABLE_ACCEPT).body();
        assertEquals(List.of("Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"),
                names(deployments));
        JsonNode cells = deployments.path("rows").get(0).path("cells");
        assertEquals("0/3", cells.get(1).asText());
        assertEquals(0, cells.get(2).asInt());
        assertEquals("nginx:1", cells.get(6).asText());
        assertEquals("app=d", cells.get(7).asText());

        cluster.post("/api/v1/namespaces/default/services", "{\"metadata\":{\"name\":\"s\"},\"spec\":{\"type\":"
                + "\"NodePort\",\"clusterIP\":\"10.96.0.10\",\"selector\":{\"app\":\"d\"},\"ports\":[{\"port\":80,"
                + "\"nodePort\":30080,\"protocol\":\"TCP\"}]}}");
        JsonNode services = cluster.get("/api/v1/namespaces/default/services/s", TABLE_ACCEPT).body();
        assertEquals(List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"),
                names(services));
        JsonNode row = services.path("rows").get(0).path("cells");
        assertEquals("NodePort", row.get(1).asText());
        assertEquals("80:30080/TCP", row.get(4).asText());
        assertEquals("app=d", row.get(6).asText());
    }

    private static List<String> names(JsonNode table) {
        List<String> names = new ArrayList<>();
        table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (test.test(item)) {
                return item;
            }
        }
        throw new AssertionError("not found in " + array);
    }
}
