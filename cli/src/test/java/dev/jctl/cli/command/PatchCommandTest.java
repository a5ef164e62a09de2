package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * patch side by side with the real kubectl against the project's API server: kubectl works in one namespace, jctl
 * in a twin, and every command must print the same lines and exit the same way, after which the objects of both
 * twins must be the same (spec, status, metadata, and who wrote what in managedFields).
 */
class PatchCommandTest extends SideBySide {
    private static final String DEPLOYMENTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: api
              template:
                metadata:
                  labels:
                    app: api
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            """;

    private static final String WIDGETS = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets, singular: widget}
              versions:
              - name: v1
                served: true
                storage: true
                subresources: {status: {}}
                schema:
                  openAPIV3Schema:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
            """;

    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
            spec:
              size: 1
            """;

    /** Namespaces differ between the twins, and so do the identities and resourceVersions of their objects. */
    private static final UnaryOperator<String> TWINS = text -> text
            .replaceAll("\\bpatch-[kj]\\b", "NS")
            .replaceAll("(resourceVersion\"?:\\s*\"?)\\d+", "$1RV")
            .replaceAll("(uid\"?:\\s*\"?)[0-9a-f-]+", "$1UID")
            .replaceAll("(creationTimestamp\"?:\\s*\"?)[0-9TZ:-]+", "$1TIME");

    private static Path deployments;

    @BeforeAll
    static void twins() throws Exception {
        deployments = Files.writeString(dir.resolve("deployments.yaml"), DEPLOYMENTS);
        Path crd = Files.writeString(dir.resolve("crd.yaml"), WIDGETS);
        Path widget = Files.writeString(dir.resolve("widget.yaml"), WIDGET);
        kubectlOk("apply", "-f", crd.toString());
        kubectlOk("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=120s");
        for (String namespace : List.of("patch-k", "patch-j")) {
            kubectlOk("create", "namespace", namespace);
            kubectlOk("apply", "-f", deployments.toString(), "-f", widget.toString(), "-n", namespace);
        }
    }

    @Test
    void eachPatchTypeAndNoChangeAsKubectl() {
        same("patch", "deploy", "web", "-p", "{\"spec\":{\"replicas\":3}}");
        same("patch", "deploy", "web", "-p", "{\"spec\":{\"replicas\":3}}");
        same("patch", "deployment/web", "--type", "merge", "-p", "{\"metadata\":{\"labels\":{\"tier\":\"gold\"}}}");
        same("patch", "deploy", "web", "--type=json", "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]");
        same("patch", "deploy", "web", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"image\":\"busybox\"}]}}}}");
        same("patch", "deploy", "web", "-p", "spec:\n  replicas: 5\n", "-o", "yaml");
        same("patch", "deploy", "web", "--type", "MERGE", "-p", "{\"spec\":{\"replicas\":5}}", "-o", "json");
        same("patch", "deploy", "web", "api", "--type", "merge", "-p", "{\"metadata\":{\"labels\":{\"both\":\"1\"}}}",
                "-o", "name");
        same("patch", "deploy", "web", "-p", "{\"metadata\":{\"labels\":{\"owner\":\"me\"}}}", "--field-manager", "me");
        sameObjects();
    }

    @Test
    void dryRunsAsKubectl() {
        same("patch", "deploy", "api", "-p", "{\"spec\":{\"replicas\":7}}", "--dry-run=client");
        same("patch", "deploy", "api", "-p", "{\"spec\":{\"replicas\":1}}", "--dry-run=client");
        same("patch", "deploy", "api", "--type", "json", "-p", "[{\"op\":\"add\",\"path\":\"/metadata/labels\","
                + "\"value\":{\"dry\":\"client\"}}]", "--dry-run=client", "-o", "yaml");
        same("patch", "deploy", "api", "-p", "{\"spec\":{\"replicas\":8}}", "--dry-run=server");
        same("patch", "deploy", "api", "--type", "merge", "-p", "{\"spec\":{\"replicas\":8}}", "--dry-run=server",
                "-o", "json");
        same("patch", "deploy", "api", "-p", "{\"spec\":{\"replicas\":8}}", "--dry-run=none");
        same("patch", "deploy", "api", "-p", "{\"spec\":{\"replicas\":9}}", "--dry-run=bogus");
        sameObjects();
    }

    @Test
    void subresourcesAsKubectl() {
        same("patch", "deploy", "api", "--subresource=scale", "--type=merge", "-p", "{\"spec\":{\"replicas\":2}}");
        same("patch", "deploy", "api", "--subresource=scale", "--type=merge", "-p", "{\"spec\":{\"replicas\":2}}");
        same("patch", "deploy", "api", "--subresource", "scale", "-p", "{\"spec\":{\"replicas\":3}}", "-o", "yaml");
        same("patch", "deploy", "api", "--subresource", "scale", "-p", "{\"spec\":{\"replicas\":4}}",
                "--dry-run=client", "-o", "yaml");
        same("patch", "deploy", "api", "--subresource=status", "--type=merge", "-p", "{\"status\":{\"replicas\":3}}");
        same("patch", "widget", "w", "--subresource=status", "--type=merge", "-p", "{\"status\":{\"ready\":true}}");
        same("patch", "deploy", "api", "--subresource=bogus", "--type=merge", "-p", "{}");
        sameObjects();
    }

    @Test
    void filesNameTheObjectsAsKubectl() throws Exception {
        same("patch", "-f", deployments.toString(), "--type", "merge", "-p", "{\"metadata\":{\"labels\":{\"file\":\"1\"}}}");
        Path web = Files.writeString(dir.resolve("web.yaml"), DEPLOYMENTS.substring(0, DEPLOYMENTS.indexOf("---")));
        same("patch", "-f", web.toString(), "-p", "{\"spec\":{\"replicas\":2}}", "--dry-run=client", "-o", "yaml");
        same("patch", "-f", web.toString(), "-p", "{\"spec\":{\"replicas\":2}}", "--dry-run=server");
        Path missing = Files.writeString(dir.resolve("missing.yaml"), DEPLOYMENTS.replace("name: api", "name: gone"));
        same("patch", "-f", missing.toString(), "--type", "merge", "-p", "{\"metadata\":{\"labels\":{\"file\":\"2\"}}}");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        same("patch", "-f", empty.toString(), "-p", "{}");
        same("patch", "-f", web.toString(), "deploy", "web", "-p", "{}");
        same("patch", "-f", web.toString(), "deploy/web", "-p", "{}");
        same("patch", "-f", dir.resolve("none.yaml").toString(), "-p", "{}");
        sameObjects();
    }

    @Test
    void errorsAsKubectl() throws Exception {
        same("patch", "deploy", "nope", "-p", "{}");
        same("patch", "deploy", "web", "nope", "--type", "merge", "-p", "{\"metadata\":{\"labels\":{\"partly\":\"1\"}}}");
        same("patch", "deploy/nope", "deploy/web", "-p", "{\"metadata\":{\"labels\":{\"partly\":\"2\"}}}");
        same("patch", "deploy", "web", "-p", "{\"spec\":");
        same("patch", "deploy", "web", "--type", "merge", "-p", "{\"spec\":{\"replicas\":");
        same("patch", "deploy", "web", "--type", "json", "-p", "[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]");
        same("patch", "deploy", "web", "-p", "{}", "--type", "foo");
        same("patch", "deploy", "web");
        same("patch", "deploy", "web", "-p", "{}", "--patch-file", "x.json");
        same("patch", "deploy", "web", "--patch-file", dir.resolve("none.json").toString());
        same("patch", "deploy", "-p", "{}");
        same("patch", "-p", "{}");
        same("patch", "widgets", "-p", "{}");
        same("patch", "gizmos", "g", "-p", "{}");
        same("patch", "deploy/web/x", "-p", "{}");
        same("patch", "deploy,svc/web", "-p", "{}");
        sameObjects();
    }

    @Test
    void aCustomResourceRefusesStrategicAsKubectl() {
        same("patch", "widget", "w", "-p", "{\"spec\":{\"size\":2}}");
        same("patch", "widget", "w", "-p", "{\"spec\":{\"size\":2}}", "--dry-run=client");
        same("patch", "widget", "w", "--type", "merge", "-p", "{\"spec\":{\"size\":2}}");
        same("patch", "widget", "w", "--type", "json", "-p", "[{\"op\":\"add\",\"path\":\"/spec/color\",\"value\":\"red\"}]");
        sameObjects();
    }

    @Test
    void patchFilesAndLocalPatchesAsKubectl() throws Exception {
        Path patch = Files.writeString(dir.resolve("replicas.yaml"), "spec:\n  replicas: 6\n");
        same("patch", "deploy", "api", "--patch-file", patch.toString());
        Path web = Files.writeString(dir.resolve("local-web.yaml"), DEPLOYMENTS.substring(0, DEPLOYMENTS.indexOf("---")));
        same("patch", "--local", "-f", web.toString(), "-p", "{\"spec\":{\"replicas\":3}}", "-o", "yaml");
        same("patch", "--local", "-f", deployments.toString(), "--type", "merge", "-p", "{}");
        same("patch", "--local", "-f", web.toString(), "-p", "{}", "--dry-run=client");
        same("patch", "--local", "-f", web.toString(), "-p", "{}", "--dry-run=server");
        same("patch", "--local", "deploy", "web", "-p", "{}");
        same("patch", "--local", "-p", "{}");
        Path widget = Files.writeString(dir.resolve("local-widget.yaml"), WIDGET);
        same("patch", "--local", "-f", widget.toString(), "-p", "{\"spec\":{\"size\":2}}");
        sameObjects();
    }

    /**
     * kubectl finds out about a wrong -o only when printing its first result, after that object was patched; jctl
     * checks it first, so a typo leaves everything as it was.
     */
    @Test
    void aWrongOutputFormatPatchesNothing() {
        CommandRun run = jctl().run("patch", "deploy", "web", "--type", "merge", "-p",
                "{\"metadata\":{\"labels\":{\"typo\":\"1\"}}}", "-o", "bogus", "-n", "patch-j");
        assertEquals(1, run.exit(), run.describe());
        assertEquals("", run.out());
        assertEquals("error: unable to match a printer suitable for the output format \"bogus\", allowed formats are: "
                + "go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml\n", run.err());
        try (Connection j = cluster.connect("patch-j")) {
            assertTrue(j.get("/apis/apps/v1/namespaces/patch-j/deployments/web").at("/metadata/labels/typo")
                    .isMissingNode(), "nothing was patched");
        }
    }

    private static void same(String... args) {
        assertSame("patch-k", "patch-j", TWINS, args);
    }

    private static void kubectlOk(String... args) {
        CommandRun run = kubectl().run(dir, List.of(args));
        assertEquals(0, run.exit(), run.describe());
    }

    /** Both twins' objects must be equal, managedFields included: the same managers wrote the same fields. */
    private static void sameObjects() {
        try (Connection k = cluster.connect("patch-k"); Connection j = cluster.connect("patch-j")) {
            for (String path : List.of("/apis/apps/v1/namespaces/%s/deployments/web",
                    "/apis/apps/v1/namespaces/%s/deployments/api", "/apis/example.com/v1/namespaces/%s/widgets/w")) {
                JsonNode expected = comparable(k.get(path.formatted("patch-k")));
                JsonNode actual = comparable(j.get(path.formatted("patch-j")));
                assertEquals(expected, actual, path);
            }
        }
    }

    /** spec, status, labels, annotations and generation, and managedFields without their times. */
    private static JsonNode comparable(JsonNode object) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kept.set("spec", object.path("spec"));
        kept.set("status", object.path("status"));
        JsonNode metadata = object.path("metadata");
        kept.set("labels", metadata.path("labels"));
        ObjectNode annotations = metadata.path("annotations").isObject()
                ? ((ObjectNode) metadata.path("annotations")).deepCopy() : JsonNodeFactory.instance.objectNode();
        // Each twin was created by kubectl apply in its own namespace, which the annotation names.
        annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
        kept.set("annotations", annotations);
        kept.set("generation", metadata.path("generation"));
        ArrayNode managers = kept.putArray("managedFields");
        for (JsonNode entry : metadata.path("managedFields")) {
            ObjectNode copy = entry.deepCopy();
            copy.remove("time");
            managers.add(copy);
        }
        return kept;
    }
}
