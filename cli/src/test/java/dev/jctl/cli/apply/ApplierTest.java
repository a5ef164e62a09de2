package dev.jctl.cli.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.BuilderException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.ConnectionSettings;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.OpenApiDocuments;
import dev.jctl.cli.testing.FakeApiServer;
import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apply engine against a scripted server: which requests it sends, and what it makes of the answers. */
class ApplierTest {
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              color: blue
            """;
    private static final String CM_PATH = "/api/v1/namespaces/default/configmaps/settings";

    @TempDir
    Path dir;
    private FakeApiServer server;
    private Connection connection;
    private final StringWriter warnings = new StringWriter();
    private final List<java.time.Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = FakeApiServer.start();
        connection = Connection.open(new ConnectionSettings(server.writeKubeconfig(dir), null, null,
                dir.resolve("cache")));
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private List<ApplyResult> apply(String yaml, ApplyOptions options) {
        List<Manifest> manifests = new ManifestReader().read("test.yaml", yaml);
        Applier applier = new Applier(connection, new Discovery(connection), new OpenApiDocuments(connection),
                new PrintWriter(warnings), sleeps::add);
        return applier.apply(manifests, options, r -> { });
    }

    /** The live object as kubectl would have left it after applying {@code yaml}. */
    private static String liveAfterApplying(String yaml, String extraData) {
        ObjectNode object = new ManifestReader().read("x", yaml).get(0).object().deepCopy();
        object.withObjectProperty("metadata").put("namespace", "default").put("resourceVersion", "7")
                .put("uid", "1a2b").withObjectProperty("annotations")
                .put(LastAppliedConfiguration.ANNOTATION, LastAppliedConfiguration.of(namespaced(yaml)));
        if (extraData != null) {
            object.withObjectProperty("data").put("extra", extraData);
        }
        return object.toString();
    }

    private static ObjectNode namespaced(String yaml) {
        ObjectNode object = new ManifestReader().read("x", yaml).get(0).object().deepCopy();
        object.withObjectProperty("metadata").put("namespace", "default");
        return object;
    }

    @Test
    void createPostsTheManifestWithItsAnnotationAndKubectlsQuery() {
        server.reply("POST /api/v1/namespaces/default/configmaps", 201, liveAfterApplying(CONFIG_MAP, null));

        List<ApplyResult> results = apply(CONFIG_MAP, ApplyOptions.defaults());

        assertEquals("created", results.get(0).operation());
        List<FakeApiServer.Received> requests = server.requests();
        assertEquals(List.of("GET", "POST"), requests.stream().map(FakeApiServer.Received::method).toList());
        FakeApiServer.Received post = requests.get(1);
        assertEquals("fieldManager=kubectl-client-side-apply&fieldValidation=Strict", post.query());
        JsonNode body = FakeApiServer.json(post.body());
        assertEquals("{\"apiVersion\":\"v1\",\"data\":{\"color\":\"blue\"},\"kind\":\"ConfigMap\",\"metadata\":"
                        + "{\"annotations\":{},\"name\":\"settings\",\"namespace\":\"default\"}}\n",
                body.path("metadata").path("annotations").path(LastAppliedConfiguration.ANNOTATION).asText());
        assertEquals("default", body.path("metadata").path("namespace").asText());
    }

    @Test
    void reapplyingAnUnchangedManifestSendsNoWrite() {
        server.reply("GET " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));

        List<ApplyResult> results = apply(CONFIG_MAP, ApplyOptions.defaults());

        assertEquals("unchanged", results.get(0).operation());
        assertEquals(List.of("GET"), server.requests().stream().map(FakeApiServer.Received::method).toList());
    }

    @Test
    void fieldsAddedOnTheServerAreKeptAndOnlyTheChangeIsPatched() {
        server.reply("GET " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, "kept"));
        server.reply("PATCH " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, "kept"));

        List<ApplyResult> results = apply(CONFIG_MAP.replace("blue", "green"), ApplyOptions.defaults());

        assertEquals("configured", results.get(0).operation());
        FakeApiServer.Received patch = server.requests().get(1);
        assertEquals("application/strategic-merge-patch+json", patch.contentType());
        JsonNode body = FakeApiServer.json(patch.body());
        assertEquals("green", body.path("data").path("color").asText());
        assertTrue(body.path("data").path("extra").isMissingNode(), patch.body());
    }

    @Test
    void aConflictIsRetriedWithAFreshReadLikeKubectl() {
        server.reply("GET " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));
        server.reply("PATCH " + CM_PATH, 409, FakeApiServer.status(409, "Conflict", "the object has been modified"));
        server.reply("PATCH " + CM_PATH, 409, FakeApiServer.status(409, "Conflict", "the object has been modified"));
        server.reply("PATCH " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP.replace("blue", "green"), null));

        List<ApplyResult> results = apply(CONFIG_MAP.replace("blue", "green"), ApplyOptions.defaults());

        assertEquals("configured", results.get(0).operation(), String.valueOf(results.get(0).error()));
        assertEquals(List.of("GET", "PATCH", "GET", "PATCH", "GET", "PATCH"),
                server.requests().stream().map(FakeApiServer.Received::method).toList());
        assertEquals(1, sleeps.size(), "only retries after the first back off");
    }

    @Test
    void conflictsBeyondFiveRetriesFailTheObject() {
        server.reply("GET " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));
        server.reply("PATCH " + CM_PATH, 409, FakeApiServer.status(409, "Conflict", "the object has been modified"));

        ApplyResult result = apply(CONFIG_MAP.replace("blue", "green"), ApplyOptions.defaults()).get(0);

        assertTrue(result.failed());
        ApiException error = assertInstanceOf(ApiException.class, result.error());
        assertTrue(error.kubectlMessage().startsWith("Error from server (Conflict): error when applying patch:"),
                error.kubectlMessage());
        assertTrue(error.getMessage().endsWith("for: \"test.yaml\": error when patching \"test.yaml\": "
                + "the object has been modified"), error.getMessage());
        assertEquals(1 + Applier.MAX_CONFLICT_RETRIES, server.requests().stream()
                .filter(r -> r.method().equals("PATCH")).count());
    }

    @Test
    void forceReplacesAnObjectWhoseUpdateIsInvalid() {
        server.reply("GET " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));
        server.reply("GET " + CM_PATH, 404, FakeApiServer.status(404, "NotFound", "gone"));
        server.reply("PATCH " + CM_PATH, 422, FakeApiServer.status(422, "Invalid", "field is immutable"));
        server.reply("DELETE " + CM_PATH, 200, "{\"kind\":\"Status\",\"status\":\"Success\"}");
        server.reply("POST /api/v1/namespaces/default/configmaps", 201,
                liveAfterApplying(CONFIG_MAP.replace("blue", "green"), null));

        ApplyResult result = apply(CONFIG_MAP.replace("blue", "green"), ApplyOptions.defaults().withForce(true)).get(0);

        assertNull(result.error());
        assertEquals("configured", result.operation());
        assertEquals(List.of("GET", "PATCH", "DELETE", "GET", "POST"),
                server.requests().stream().map(FakeApiServer.Received::method).toList());
    }

    @Test
    void customResourcesGetAJsonMergePatch() {
        String widget = """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                spec:
                  size: 2
                  tags: [a, b]
                """;
        String path = "/apis/example.com/v1/namespaces/default/widgets/w";
        server.reply("GET " + path, 200, liveAfterApplying(widget, null));
        server.reply("PATCH " + path, 200, liveAfterApplying(widget, null));

        ApplyResult result = apply(widget.replace("[a, b]", "[b]"), ApplyOptions.defaults()).get(0);

        assertEquals("configured", result.operation(), String.valueOf(result.error()));
        FakeApiServer.Received patch = server.requests().get(1);
        assertEquals("application/merge-patch+json", patch.contentType());
        assertEquals(List.of("b"), List.of(FakeApiServer.json(patch.body()).path("spec").path("tags").get(0).asText()));
    }

    @Test
    void clientDryRunWritesNothingAndServerDryRunSaysSo() {
        server.reply("GET " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));
        server.reply("PATCH " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));

        ApplyResult client = apply(CONFIG_MAP.replace("blue", "red"), ApplyOptions.defaults()
                .withDryRun(DryRun.CLIENT)).get(0);
        assertEquals("configured", client.operation());
        assertEquals("red", client.object().path("data").path("color").asText());
        assertEquals(List.of("GET"), server.requests().stream().map(FakeApiServer.Received::method).toList());

        apply(CONFIG_MAP.replace("blue", "red"), ApplyOptions.defaults().withDryRun(DryRun.SERVER));
        FakeApiServer.Received patch = server.requests().get(server.requests().size() - 1);
        assertEquals("dryRun=All&fieldManager=kubectl-client-side-apply&fieldValidation=Strict", patch.query());
    }

    @Test
    void aKindTheServerDoesNotServeFailsOnlyThatObject() {
        server.reply("POST /api/v1/namespaces/default/configmaps", 201, liveAfterApplying(CONFIG_MAP, null));
        String yaml = "apiVersion: nope.io/v1\nkind: Gadget\nmetadata:\n  name: g\n---\n" + CONFIG_MAP;

        List<ApplyResult> results = apply(yaml, ApplyOptions.defaults());

        RuntimeException unmapped = results.stream().filter(ApplyResult::failed).findFirst().orElseThrow().error();
        assertEquals(BuilderException.Stage.READ, assertInstanceOf(BuilderException.class, unmapped).stage());
        assertEquals("resource mapping not found for name: \"g\" namespace: \"\" from \"test.yaml\": "
                + "no matches for kind \"Gadget\" in version \"nope.io/v1\"\nensure CRDs are installed first",
                unmapped.getMessage());
        assertEquals("created", results.stream().filter(r -> !r.failed()).findFirst().orElseThrow().operation());
    }

    @Test
    void serverSideApplySendsTheManifestAsAnApplyPatchWithoutReadingFirst() {
        server.reply("PATCH " + CM_PATH, 200, liveAfterApplying(CONFIG_MAP, null));

        ApplyResult result = apply(CONFIG_MAP, ApplyOptions.defaults().withServerSide(true, true)).get(0);

        assertEquals("serverside-applied", result.operation(), String.valueOf(result.error()));
        List<FakeApiServer.Received> requests = server.requests();
        assertEquals(1, requests.size(), "no GET before a server-side apply");
        FakeApiServer.Received patch = requests.get(0);
        assertEquals("application/apply-patch+yaml", patch.contentType());
        assertEquals("fieldManager=kubectl&fieldValidation=Strict&force=true", patch.query());
        assertEquals("{\"apiVersion\":\"v1\",\"data\":{\"color\":\"blue\"},\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"settings\",\"namespace\":\"default\"}}", patch.body());
    }

    @Test
    void customResourcesWaitUntilTheirDefinitionIsEstablished() {
        String crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com";
        String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
                + "\"metadata\":{\"name\":\"widgets.example.com\"},\"status\":{\"conditions\":[{\"type\":"
                + "\"Established\",\"status\":\"%s\"}]}}";
        server.reply("GET " + crdPath, 404, FakeApiServer.status(404, "NotFound", "not found"));
        server.reply("GET " + crdPath, 200, String.format(crd, "False"));
        server.reply("GET " + crdPath, 200, String.format(crd, "True"));
        server.reply("POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions", 201, String.format(crd, "False"));
        server.reply("POST /apis/example.com/v1/namespaces/default/widgets", 201,
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}");
        String yaml = """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  names: {kind: Widget, plural: widgets}
                """;

        List<ApplyResult> results = apply(yaml, ApplyOptions.defaults());

        assertEquals(List.of("created", "created"), results.stream().map(ApplyResult::operation).toList());
        assertEquals(List.of("GET " + crdPath, "POST /apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                        "GET " + crdPath, "GET " + crdPath, "GET /apis/example.com/v1/namespaces/default/widgets/w",
                        "POST /apis/example.com/v1/namespaces/default/widgets"),
                server.requests().stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(4, server.discoveryRequests(), "discovery is read again once the CRD is established");
    }

    @Test
    void aServerSideApplyConflictExplainsTheWaysOutLikeKubectl() {
        server.reply("PATCH " + CM_PATH, 409, FakeApiServer.status(409, "Conflict",
                "Apply failed with 1 conflict: conflict with \"other\": .data.color"));

        ApplyResult result = apply(CONFIG_MAP, ApplyOptions.defaults().withServerSide(true, false)).get(0);

        String message = result.error().getMessage();
        assertTrue(message.startsWith("Apply failed with 1 conflict: conflict with \"other\": "
                + ".data.color\nPlease review the fields above--they currently have other managers."), message);
        assertTrue(message.endsWith("server-side-apply/#conflicts"), message);
        assertEquals("fieldManager=kubectl&fieldValidation=Strict&force=false", server.requests().get(0).query());
    }
}
