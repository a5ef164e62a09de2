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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Wrongly typed fields of built-in kinds are refused as kube-apiserver 1.32 refuses them, on every verb: the
 * codes, reasons and messages are those its decoders give (sigs.k8s.io/json for bodies and JSON/merge patch
 * results, the unstructured converter for strategic merge patches, structured-merge-diff for apply).
 */
class TypeDecodingHttpTest {
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";
    private static final String CANNOT_HANDLE = "Deployment in version \"v1\" cannot be handled as a Deployment: ";
    private static final String REPLICAS_STRING = "json: cannot unmarshal string into Go struct field"
            + " DeploymentSpec.spec.replicas of type int32";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    record Answer(int code, JsonNode body, String raw) {
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
            return new Answer(r.statusCode(), TestCluster.JSON.readTree(r.body()), r.body());
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

    private static Answer put(String path, String body) {
        return send(cluster.request(DEPLOYMENTS + "/" + path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Answer patch(String path, String type, String body) {
        return send(cluster.request(DEPLOYMENTS + "/" + path).header("Content-Type", type)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void created(String name) {
        Answer a = post("", deployment(name, ""));
        assertEquals(201, a.code(), a.raw());
    }

    private static void assertFailure(Answer a, int code, String reason, String message) {
        assertEquals(code, a.code(), a.raw());
        assertEquals(reason, a.body().path("reason").asText(), a.raw());
        assertEquals(message, a.body().path("message").asText(), a.raw());
    }

    private static void assertBadCreate(String extraSpec, String error) {
        assertFailure(post("", deployment("bad", extraSpec)), 400, "BadRequest", CANNOT_HANDLE + error);
    }

    @Test
    void createRefusesWrongJsonTypesNamingTheInnermostStructAndTheFieldPath() {
        assertBadCreate("\"replicas\":\"3\",", REPLICAS_STRING);
        assertBadCreate("\"replicas\":1.5,", "json: cannot unmarshal number 1.5 into Go struct field"
                + " DeploymentSpec.spec.replicas of type int32");
        assertBadCreate("\"replicas\":1.0,", "json: cannot unmarshal number 1.0 into Go struct field"
                + " DeploymentSpec.spec.replicas of type int32");
        assertBadCreate("\"replicas\":1e3,", "json: cannot unmarshal number 1e3 into Go struct field"
                + " DeploymentSpec.spec.replicas of type int32");
        assertBadCreate("\"replicas\":3000000000,", "json: cannot unmarshal number 3000000000 into Go struct field"
                + " DeploymentSpec.spec.replicas of type int32");
        assertBadCreate("\"paused\":\"yes\",", "json: cannot unmarshal string into Go struct field"
                + " DeploymentSpec.spec.paused of type bool");
        assertBadCreate("\"strategy\":[],", "json: cannot unmarshal array into Go struct field"
                + " DeploymentSpec.spec.strategy of type v1.DeploymentStrategy");
        assertBadCreate("\"strategy\":{\"type\":1},", "json: cannot unmarshal number into Go struct field"
                + " DeploymentStrategy.spec.strategy.type of type v1.DeploymentStrategyType");
        assertFailure(post("", deployment("bad", "").replace("\"labels\":{\"app\":\"bad\"}", "\"labels\":[\"a\"]")),
                400, "BadRequest", CANNOT_HANDLE + "json: cannot unmarshal array into Go struct field"
                        + " ObjectMeta.spec.template.metadata.labels of type map[string]string");
        assertFailure(post("", deployment("bad", "").replace("[{\"name\":\"c\",\"image\":\"nginx\"}]", "{}")),
                400, "BadRequest", CANNOT_HANDLE + "json: cannot unmarshal object into Go struct field"
                        + " PodSpec.spec.template.spec.containers of type []v1.Container");
        assertFailure(post("", deployment("bad", "").replace("\"image\":\"nginx\"",
                        "\"image\":\"nginx\",\"ports\":[{\"containerPort\":\"80\"}]")), 400, "BadRequest",
                CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field"
                        + " ContainerPort.spec.template.spec.containers.ports.containerPort of type int32");
        assertFailure(post("", deployment("bad", "").replace("\"metadata\":{\"name\":\"bad\"}",
                        "\"metadata\":{\"name\":\"bad\",\"labels\":{\"a\":1}}")), 400, "BadRequest",
                CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels"
                        + " of type string");
        assertEquals(404, cluster.get(DEPLOYMENTS + "/bad").code(), "nothing was stored");
    }

    @Test
    void intOrStringAndQuantitiesTakeNumbersAndStringsWithTheirOwnErrors() {
        String strategy = "\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxSurge\":%s}},";
        assertEquals(201, post("", deployment("surge-int", strategy.formatted("1"))).code());
        assertEquals(201, post("", deployment("surge-percent", strategy.formatted("\"25%\""))).code());
        assertBadCreate(strategy.formatted("1.5"), "json: cannot unmarshal number 1.5 into Go value of type int32");
        assertBadCreate(strategy.formatted("true"), "json: cannot unmarshal bool into Go value of type int32");
        assertBadCreate(strategy.formatted("{}"), "json: cannot unmarshal object into Go value of type int32");

        String limits = "\"image\":\"nginx\",\"resources\":{\"limits\":{\"cpu\":%s}}";
        String quantity = "quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
        assertEquals(201, post("", deployment("cpu-number", "").replace("\"image\":\"nginx\"",
                limits.formatted("0.5"))).code());
        assertEquals(201, post("", deployment("cpu-string", "").replace("\"image\":\"nginx\"",
                limits.formatted("\"500m\""))).code());
        assertFailure(post("", deployment("bad", "").replace("\"image\":\"nginx\"", limits.formatted("\"lots\""))),
                400, "BadRequest", CANNOT_HANDLE + quantity);
        assertFailure(post("", deployment("bad", "").replace("\"image\":\"nginx\"", limits.formatted("\"1Zi\""))),
                400, "BadRequest", CANNOT_HANDLE + quantity);
        assertFailure(post("", deployment("bad", "").replace("\"image\":\"nginx\"", limits.formatted("\"1kk\""))),
                400, "BadRequest", CANNOT_HANDLE + "unable to parse quantity's suffix");
        assertFailure(post("", deployment("bad", "").replace("\"image\":\"nginx\"", limits.formatted("true"))),
                400, "BadRequest", CANNOT_HANDLE + quantity);
    }

    @Test
    void nullsDecodeAsNothingAndTheFirstTypeErrorWinsUnlessACustomTypeFailsLater() {
        Answer nulls = post("", deployment("nulls", "\"replicas\":null,\"strategy\":null,\"paused\":null,"));
        assertEquals(201, nulls.code(), nulls.raw());
        assertBadCreate("\"replicas\":\"3\",\"paused\":\"no\",", REPLICAS_STRING);
        assertBadCreate("\"replicas\":1,\"replicas\":\"x\",", "json: cannot unmarshal string into Go struct"
                + " field DeploymentSpec.spec.replicas of type int32");
        // a failing UnmarshalJSON stops the decoder at once and its error replaces the one saved before
        assertBadCreate("\"replicas\":\"3\",\"strategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":"
                + "{\"maxSurge\":true}},", "json: cannot unmarshal bool into Go value of type int32");
    }

    @Test
    void aTypeErrorTrumpsUnknownFieldsWhateverTheFieldValidation() {
        assertBadCreate("\"foo\":1,\"replicas\":\"3\",", REPLICAS_STRING);
        assertFailure(post("?fieldValidation=Strict", deployment("bad", "\"foo\":1,\"replicas\":\"3\",")), 400,
                "BadRequest", CANNOT_HANDLE + REPLICAS_STRING);
        assertFailure(post("?fieldValidation=Ignore", deployment("bad", "\"replicas\":\"3\",")), 400, "BadRequest",
                CANNOT_HANDLE + REPLICAS_STRING);
    }

    @Test
    void updateStatusAndScaleBodiesAreDecodedToo() {
        created("put");
        assertFailure(put("put", deployment("put", "\"replicas\":\"3\",")), 400, "BadRequest",
                CANNOT_HANDLE + REPLICAS_STRING);
        String withStatus = deployment("put", "").replaceFirst("}$", ",\"status\":{\"replicas\":\"1\"}}");
        assertFailure(put("put/status", withStatus), 400, "BadRequest", CANNOT_HANDLE + "json: cannot unmarshal"
                + " string into Go struct field DeploymentStatus.status.replicas of type int32");
        assertFailure(put("put/scale", "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":"
                        + "{\"name\":\"put\",\"namespace\":\"default\"},\"spec\":{\"replicas\":\"2\"}}"), 400,
                "BadRequest", "Scale in version \"v1\" cannot be handled as a Scale: json: cannot unmarshal string"
                        + " into Go struct field ScaleSpec.spec.replicas of type int32");
    }

    @Test
    void strategicMergePatchResultsGoThroughTheUnstructuredConverter() {
        created("smp");
        String smp = "application/strategic-merge-patch+json";
        assertFailure(patch("smp", smp, "{\"spec\":{\"replicas\":\"x\"}}"), 422, "Invalid",
                " \"\" is invalid: patch: Invalid value: \"map[spec:map[replicas:x]]\": unrecognized type: int32");
        assertFailure(patch("smp", smp, "{\"spec\":{\"replicas\":1.5}}"), 422, "Invalid",
                " \"\" is invalid: patch: Invalid value: \"map[spec:map[replicas:1.5]]\": cannot convert float64"
                        + " to int32");
        assertFailure(patch("smp", smp, "{\"spec\":{\"strategy\":\"x\"}}"), 422, "Invalid",
                " \"\" is invalid: patch: Invalid value: \"map[spec:map[strategy:x]]\": cannot restore struct from:"
                        + " string");
        assertFailure(patch("smp", smp, "{\"metadata\":{\"labels\":{\"a\":1}}}"), 422, "Invalid",
                " \"\" is invalid: patch: Invalid value: \"map[metadata:map[labels:map[a:1]]]\": cannot convert"
                        + " int64 to string");
        // the converter takes an integral float for an integer, where the JSON decoder does not
        Answer whole = patch("smp", smp, "{\"spec\":{\"replicas\":2.0}}");
        assertEquals(200, whole.code(), whole.raw());
        assertEquals(2, cluster.get(DEPLOYMENTS + "/smp").body().path("spec").path("replicas").asInt());
        JsonNode causes = patch("smp", smp, "{\"spec\":{\"replicas\":\"x\"}}").body().path("details").path("causes");
        assertEquals("FieldValueInvalid", causes.path(0).path("reason").asText());
        assertEquals("patch", causes.path(0).path("field").asText());
    }

    @Test
    void jsonAndMergePatchResultsAreJsonDecodedShowingThePatchedDocument() {
        created("merge");
        Answer merged = patch("merge", "application/merge-patch+json", "{\"spec\":{\"replicas\":\"x\"}}");
        assertEquals(422, merged.code(), merged.raw());
        assertEquals("Invalid", merged.body().path("reason").asText());
        String message = merged.body().path("message").asText();
        String prefix = " \"\" is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"apps/v1\\\","
                + "\\\"kind\\\":\\\"Deployment\\\",\\\"metadata\\\":{";
        assertEquals(prefix, message.substring(0, prefix.length()), message);
        assertEquals("\": " + REPLICAS_STRING, message.substring(message.lastIndexOf('"')), message);
        // the spec the patch reached is written with sorted keys, as json-patch writes the Go map it decoded
        assertEquals(true, message.contains("\\\"spec\\\":{\\\"progressDeadlineSeconds\\\":600,\\\"replicas\\\":"
                + "\\\"x\\\",\\\"revisionHistoryLimit\\\":10,\\\"selector\\\":"), message);

        Answer jsonPatched = patch("merge", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":1.5}]");
        assertEquals(422, jsonPatched.code(), jsonPatched.raw());
        assertEquals(true, jsonPatched.body().path("message").asText().endsWith("\": json: cannot unmarshal"
                + " number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32"), jsonPatched.raw());
        assertEquals(1, cluster.get(DEPLOYMENTS + "/merge").body().path("spec").path("replicas").asInt(),
                "nothing was written");
    }

    @Test
    void scalePatchesDecodeTheScale() {
        created("scaled");
        assertFailure(patch("scaled/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":true}}"), 422,
                "Invalid", " \"\" is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"autoscaling/v1\\\","
                        + "\\\"kind\\\":\\\"Scale\\\",\\\"metadata\\\":" + metadataOf("scaled")
                        + ",\\\"spec\\\":{\\\"replicas\\\":true},\\\"status\\\":{\\\"replicas\\\":0,"
                        + "\\\"selector\\\":\\\"app=scaled\\\"}}\": json: cannot unmarshal bool into Go struct field"
                        + " ScaleSpec.spec.replicas of type int32");
    }

    @Test
    void appliesAreTypedByTheFieldManagerAsPlainErrors() {
        String apply = "application/apply-patch+yaml";
        String config = deployment("ssa", "\"replicas\":\"3\",").replace("{\"name\":\"ssa\"}",
                "{\"name\":\"ssa\",\"namespace\":\"default\"}");
        assertFailure(patch("ssa?fieldManager=test", apply, config), 500, "",
                "failed to create typed patch object (default/ssa; apps/v1, Kind=Deployment): .spec.replicas:"
                        + " expected numeric (int or float), got string");
        assertFailure(patch("ssa?fieldManager=test", apply, config.replace("\"replicas\":\"3\"",
                        "\"replicas\":\"3\",\"paused\":1").replace("[{\"name\":\"c\",\"image\":\"nginx\"}]", "{}")),
                500, "", "failed to create typed patch object (default/ssa; apps/v1, Kind=Deployment): errors:\n"
                        + "  .spec.replicas: expected numeric (int or float), got string\n"
                        + "  .spec.paused: expected boolean, got &{1}\n"
                        + "  .spec.template.spec.containers: expected list, got &{map[]}");
        assertFailure(patch("ssa?fieldManager=test", apply, config.replace("\"3\"", "1.5")), 500, "",
                "failed to convert new object (default/ssa; apps/v1, Kind=Deployment) to proper version: unable to"
                        + " convert unstructured object to apps/v1, Kind=Deployment: cannot convert float64 to int32");
        assertEquals(404, cluster.get(DEPLOYMENTS + "/ssa").code(), "nothing was created");
    }

    private static String metadataOf(String name) {
        JsonNode scale = cluster.get(DEPLOYMENTS + "/" + name + "/scale").body().path("metadata");
        return "{\\\"name\\\":\\\"" + name + "\\\",\\\"namespace\\\":\\\"default\\\",\\\"uid\\\":\\\""
                + scale.path("uid").asText() + "\\\",\\\"resourceVersion\\\":\\\""
                + scale.path("resourceVersion").asText() + "\\\",\\\"creationTimestamp\\\":\\\""
                + scale.path("creationTimestamp").asText() + "\\\"}";
    }
}
