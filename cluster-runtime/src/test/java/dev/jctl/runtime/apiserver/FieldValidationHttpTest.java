package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code fieldValidation=Strict|Warn|Ignore} on create, update and each patch type, over HTTP. */
class FieldValidationHttpTest {
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String UNKNOWN_WARNING = "299 - \"unknown field \\\"spec.foo\\\"\"";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    /** An answer with its headers, which {@link TestCluster.Response} does not keep. */
    record Answer(int code, JsonNode body, List<String> warnings, String raw) {
    }

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String deployment(String name, String extraSpec) {
        return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"spec\":{" + extraSpec + "\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":"
                + "[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}";
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = cluster.http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), TestCluster.JSON.readTree(r.body()),
                    r.headers().allValues("Warning"), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer post(String query, String body) {
        return send(cluster.request(DEPLOYMENTS + query).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Answer put(String name, String query, String body) {
        return send(cluster.request(DEPLOYMENTS + "/" + name + query).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Answer patch(String name, String query, String type, String body) {
        return send(cluster.request(DEPLOYMENTS + "/" + name + query).header("Content-Type", type)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertFailure(Answer a, int code, String reason, String message) {
        assertEquals(code, a.code(), a.raw());
        assertEquals(reason, a.body().path("reason").asText(), a.raw());
        assertEquals(message, a.body().path("message").asText());
    }

    private static JsonNode stored(String name) {
        return cluster.get(DEPLOYMENTS + "/" + name).body();
    }

    @Test
    void createStrictRefusesUnknownAndDuplicateFields() {
        assertFailure(post("?fieldValidation=Strict", deployment("strict", "\"foo\":1,")), 400, "BadRequest",
                "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error:"
                        + " unknown field \"spec.foo\"");
        assertFailure(post("?fieldValidation=Strict", deployment("strict", "\"replicas\":1,\"replicas\":2,")),
                400, "BadRequest", "Deployment in version \"v1\" cannot be handled as a Deployment: strict"
                        + " decoding error: duplicate field \"spec.replicas\"");
        assertEquals(404, cluster.get(DEPLOYMENTS + "/strict").code(), "nothing was stored");
    }

    @Test
    void createWarnsByDefaultAndDropsTheUnknownField() {
        Answer created = post("", deployment("warned", "\"foo\":1,"));
        assertEquals(201, created.code(), created.raw());
        assertEquals(List.of(UNKNOWN_WARNING), created.warnings());
        assertFalse(created.body().path("spec").has("foo"), created.raw());
        assertFalse(stored("warned").path("spec").has("foo"), "unknown fields are never stored");

        Answer explicit = post("?fieldValidation=Warn", deployment("warned-explicitly", "\"foo\":1,\"bar\":2,"));
        assertEquals(List.of(UNKNOWN_WARNING, "299 - \"unknown field \\\"spec.bar\\\"\""), explicit.warnings());
    }

    @Test
    void createIgnoreAcceptsSilentlyAndStillDrops() {
        Answer created = post("?fieldValidation=Ignore", deployment("ignored", "\"foo\":1,"));
        assertEquals(201, created.code(), created.raw());
        assertEquals(List.of(), created.warnings());
        assertFalse(stored("ignored").path("spec").has("foo"));
    }

    @Test
    void unsupportedDirectivesAreInvalidOptions() {
        assertFailure(post("?fieldValidation=strict", deployment("lowercase", "")), 422, "Invalid",
                "CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"strict\":"
                        + " supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    }

    @Test
    void updateChecksTheBodyAsSent() {
        assertEquals(201, post("", deployment("put", "")).code());
        assertFailure(put("put", "?fieldValidation=Strict", deployment("put", "\"foo\":1,")), 400, "BadRequest",
                "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error:"
                        + " unknown field \"spec.foo\"");
        Answer warned = put("put", "", deployment("put", "\"replicas\":3,\"foo\":1,"));
        assertEquals(200, warned.code(), warned.raw());
        assertEquals(List.of(UNKNOWN_WARNING), warned.warnings());
        assertEquals(3, stored("put").path("spec").path("replicas").asInt());
        assertFalse(stored("put").path("spec").has("foo"));
    }

    @Test
    void mergeAndJsonPatchesAreBadRequestsWhenStrict() {
        assertEquals(201, post("", deployment("merge", "")).code());
        String strictError = "strict decoding error: unknown field \"spec.foo\"";
        assertFailure(patch("merge", "?fieldValidation=Strict", "application/merge-patch+json",
                "{\"spec\":{\"foo\":1}}"), 400, "BadRequest", strictError);
        assertFailure(patch("merge", "?fieldValidation=Strict", "application/merge-patch+json",
                "{\"spec\":{\"replicas\":2,\"replicas\":3}}"), 400, "BadRequest",
                "strict decoding error: duplicate field \"spec.replicas\"");
        assertFailure(patch("merge", "?fieldValidation=Strict", "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/spec/foo\",\"value\":1}]"), 400, "BadRequest", strictError);

        Answer warned = patch("merge", "", "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/spec/foo\",\"value\":1},{\"op\":\"replace\",\"path\":\"/spec/replicas\","
                        + "\"value\":4}]");
        assertEquals(200, warned.code(), warned.raw());
        assertEquals(List.of(UNKNOWN_WARNING), warned.warnings());
        assertEquals(4, stored("merge").path("spec").path("replicas").asInt());
        assertFalse(stored("merge").path("spec").has("foo"));

        Answer ignored = patch("merge", "?fieldValidation=Ignore", "application/merge-patch+json",
                "{\"spec\":{\"foo\":1,\"replicas\":5}}");
        assertEquals(List.of(), ignored.warnings());
        assertEquals(5, stored("merge").path("spec").path("replicas").asInt());
        assertFalse(stored("merge").path("spec").has("foo"));
    }

    @Test
    void strategicPatchesAreInvalidWhenStrict() {
        assertEquals(201, post("", deployment("smp", "")).code());
        Answer strict = patch("smp", "?fieldValidation=Strict", "application/strategic-merge-patch+json",
                "{\"spec\":{\"foo\":1,\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"c\"}],"
                        + "\"containers\":[{\"name\":\"c\",\"bar\":\"x\"}]}}}}");
        String cause = "Invalid value: \"map[spec:map[foo:1 template:map[spec:map[$setElementOrder/containers:"
                + "[map[name:c]] containers:[map[bar:x name:c]]]]]]\": strict decoding error: unknown field"
                + " \"spec.template.spec.containers[0].bar\", unknown field \"spec.foo\"";
        assertFailure(strict, 422, "Invalid", " \"\" is invalid: patch: " + cause);
        JsonNode causes = strict.body().path("details").path("causes");
        assertEquals(1, causes.size(), strict.raw());
        assertEquals("FieldValueInvalid", causes.get(0).path("reason").asText());
        assertEquals("patch", causes.get(0).path("field").asText());
        assertEquals(cause, causes.get(0).path("message").asText());

        Answer warned = patch("smp", "", "application/strategic-merge-patch+json",
                "{\"spec\":{\"foo\":1,\"replicas\":2}}");
        assertEquals(200, warned.code(), warned.raw());
        assertEquals(List.of(UNKNOWN_WARNING), warned.warnings());
        assertEquals(2, stored("smp").path("spec").path("replicas").asInt());
        assertFalse(stored("smp").path("spec").has("foo"));
    }
}
