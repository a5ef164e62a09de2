package dev.jctl.cli.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.cli.select.Selection;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.JctlRunner;
import dev.jctl.cli.testing.LiveCluster;
import dev.jctl.diff.PatchException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patch engine against the project's API server: what is sent for each type and dry-run strategy, what is
 * compared to decide "no change", subresources, and the errors kubectl words itself.
 */
class ObjectPatcherTest {
    private static final String NAMESPACE = "patcher";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments/";

    @TempDir
    static Path dir;
    private static LiveCluster cluster;
    private static Connection connection;

    @BeforeAll
    static void start() {
        cluster = LiveCluster.start(dir);
        connection = cluster.connect(NAMESPACE);
        post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"patcher\"}}");
        post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
                 "metadata":{"name":"widgets.example.com"},
                 "spec":{"group":"example.com","scope":"Namespaced",
                  "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
                  "versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},
                   "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}""");
        CommandRun established = new JctlRunner(cluster.kubeconfig(), cluster.cacheDir().resolve("wait")).run("wait",
                "--for=condition=Established", "crd/widgets.example.com", "--timeout=120s");
        assertEquals(0, established.exit(), established.describe());
        post("/apis/example.com/v1/namespaces/patcher/widgets",
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":1}}");
    }

    @AfterAll
    static void stop() {
        if (connection != null) {
            connection.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void eachTypeIsSentToTheServerWhoseAnswerIsTheResult() {
        deployment("types");
        JsonNode strategic = patch("types", null, DryRun.NONE, PatchDocument.Type.STRATEGIC,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"image\":\"busybox\"}]}}}}");
        assertEquals(List.of("log", "app"), containerNames(live("types")), "merged by name into the list");
        assertEquals(live("types"), strategic);

        patch("types", null, DryRun.NONE, PatchDocument.Type.MERGE,
                "spec:\n  template:\n    spec:\n      containers:\n      - {name: only, image: x}\n");
        assertEquals(List.of("only"), containerNames(live("types")), "a merge patch replaces the list");

        patch("types", null, DryRun.NONE, PatchDocument.Type.JSON,
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]");
        assertEquals(4, live("types").at("/spec/replicas").asInt());
        assertTrue(StreamSupport.stream(live("types").at("/metadata/managedFields").spliterator(), false)
                .anyMatch(f -> f.path("manager").asText().equals("kubectl-patch")), "written as kubectl-patch");
    }

    @Test
    void aPatchThatChangesNothingSaysSo() {
        deployment("same");
        ObjectPatcher.Result first = result("same", null, DryRun.NONE, PatchDocument.Type.MERGE, "{\"spec\":{\"replicas\":3}}");
        assertEquals("patched", first.operation());
        String version = live("same").at("/metadata/resourceVersion").asText();
        ObjectPatcher.Result again = result("same", null, DryRun.NONE, PatchDocument.Type.MERGE, "{\"spec\":{\"replicas\":3}}");
        assertEquals("patched (no change)", again.operation());
        assertEquals(version, live("same").at("/metadata/resourceVersion").asText());
    }

    @Test
    void dryRunsPersistNothing() {
        deployment("dry");
        String version = live("dry").at("/metadata/resourceVersion").asText();
        ObjectPatcher.Result server = result("dry", null, DryRun.SERVER, PatchDocument.Type.STRATEGIC,
                "{\"spec\":{\"replicas\":5}}");
        assertEquals(5, server.after().at("/spec/replicas").asInt());
        ObjectPatcher.Result client = result("dry", null, DryRun.CLIENT, PatchDocument.Type.JSON,
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":6}]");
        assertEquals(6, client.after().at("/spec/replicas").asInt());
        assertEquals("patched", client.operation());
        assertEquals(version, live("dry").at("/metadata/resourceVersion").asText());
        assertEquals(2, live("dry").at("/spec/replicas").asInt());
    }

    @Test
    void subresourcesAreReadAndPatchedThemselves() {
        deployment("sub");
        ObjectPatcher.Result scale = result("sub", "scale", DryRun.NONE, PatchDocument.Type.MERGE, "{\"spec\":{\"replicas\":3}}");
        assertEquals("Scale", scale.before().path("kind").asText(), "the Scale was read, and compared");
        assertEquals("Scale", scale.after().path("kind").asText());
        assertEquals(3, live("sub").at("/spec/replicas").asInt());
        assertEquals("patched (no change)", result("sub", "scale", DryRun.NONE, PatchDocument.Type.MERGE,
                "{\"spec\":{\"replicas\":3}}").operation());

        result("sub", "status", DryRun.NONE, PatchDocument.Type.MERGE, "{\"status\":{\"replicas\":3},\"spec\":{\"replicas\":9}}");
        assertEquals(3, live("sub").at("/status/replicas").asInt());
        assertEquals(3, live("sub").at("/spec/replicas").asInt(), "the status subresource leaves spec alone");
    }

    @Test
    void aTypeTheServerDoesNotTakeIsNamedWithTheKind() {
        ObjectFinder.Item widget = finder(null).find(new Selection(List.of("widgets", "w"), List.of(), false, null,
                false, false)).items().get(0);
        PatchException e = assertThrows(PatchException.class, () -> patcher(DryRun.NONE, PatchDocument.Type.STRATEGIC,
                "{\"spec\":{\"size\":2}}", null).patch(widget));
        assertTrue(e.getMessage().startsWith("application/strategic-merge-patch+json is not supported by example.com/v1, "
                + "Kind=Widget: the body of the request was in an unknown format"), e.getMessage());
        assertEquals(2, patcher(DryRun.NONE, PatchDocument.Type.MERGE, "{\"spec\":{\"size\":2}}", null).patch(widget)
                .after().at("/spec/size").asInt());
    }

    @Test
    void filesAreComparedAsWrittenAndPatchedWhereTheyName() throws Exception {
        deployment("file");
        Path file = Files.writeString(dir.resolve("file.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: file}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: absent}
                """);
        List<ObjectFinder.Item> items = finder(null).find(new Selection(List.of(), List.of(file.toString()), false,
                null, false, false)).items();
        assertEquals(NAMESPACE, items.get(0).object().at("/metadata/namespace").asText(), "kubectl's SetNamespace");
        assertFalse(items.get(0).object().has("spec"), "the file's object, not the live one");

        ObjectPatcher merge = patcher(DryRun.NONE, PatchDocument.Type.MERGE, "{\"spec\":{\"replicas\":2}}", null);
        assertEquals("patched", merge.patch(items.get(0)).operation(), "the answer differs from the file's object");
        assertEquals(404, assertThrows(ApiException.class, () -> merge.patch(items.get(1))).code());
    }

    @Test
    void withoutAConnectionTheObjectIsPatchedHere() {
        ObjectFinder.Item item = ObjectFinder.local(new Selection(List.of(), List.of("-"), false, null, false, false),
                new ByteArrayInputStream("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n".getBytes())).items().get(0);
        ObjectPatcher.Result result = new ObjectPatcher(null, PatchDocument.of(PatchDocument.Type.STRATEGIC,
                "data: {k: v}", ""), DryRun.NONE, ObjectPatcher.FIELD_MANAGER, null).patch(item);
        assertEquals("v", result.after().at("/data/k").asText());
        assertFalse(result.after().at("/metadata").has("namespace"), "no namespace is made up locally");
    }

    private static JsonNode patch(String name, String subresource, DryRun dryRun, PatchDocument.Type type, String text) {
        return result(name, subresource, dryRun, type, text).after();
    }

    private static ObjectPatcher.Result result(String name, String subresource, DryRun dryRun, PatchDocument.Type type,
                                               String text) {
        ObjectFinder.Found found = finder(subresource).find(new Selection(List.of("deployment/" + name), List.of(),
                false, null, false, false));
        return patcher(dryRun, type, text, subresource).patch(found.items().get(0));
    }

    private static ObjectFinder finder(String subresource) {
        return new ObjectFinder(connection, new Discovery(connection), System.in).filesAsWritten()
                .atSubresource(subresource);
    }

    private static ObjectPatcher patcher(DryRun dryRun, PatchDocument.Type type, String text, String subresource) {
        return new ObjectPatcher(connection, PatchDocument.of(type, text, text), dryRun, ObjectPatcher.FIELD_MANAGER,
                subresource);
    }

    private static void deployment(String name) {
        post(DEPLOYMENTS.substring(0, DEPLOYMENTS.length() - 1), """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s"},"spec":{"replicas":2,
                 "selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"app","image":"nginx"}]}}}}""".formatted(name));
    }

    private static JsonNode live(String name) {
        return connection.get(DEPLOYMENTS + name);
    }

    private static List<String> containerNames(JsonNode deployment) {
        return StreamSupport.stream(deployment.at("/spec/template/spec/containers").spliterator(), false)
                .map(c -> c.path("name").asText()).toList();
    }

    private static void post(String path, String body) {
        connection.send(new Connection.Request("POST", path, "application/json", body, "application/json"));
    }
}
