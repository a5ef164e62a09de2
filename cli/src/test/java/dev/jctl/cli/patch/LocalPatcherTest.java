package dev.jctl.cli.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.io.Yaml;
import dev.jctl.diff.io.YamlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected outputs were printed by {@code kubectl patch --local -f deployment.yaml -p PATCH -o yaml} (v1.32), and
 * the error messages by {@code kubectl patch deploy web --dry-run=client -p PATCH} (v1.32).
 */
class LocalPatcherTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "add-container|{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"log\",\"image\":\"busybox\"}]}}}}",
        "delete-container|{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}}}",
        "change-env|{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"A\","
                + "\"value\":\"changed\"},{\"name\":\"C\",\"value\":\"3\"}]}]}}}}",
        "delete-env|{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"B\","
                + "\"$patch\":\"delete\"}]}]}}}}",
    })
    void strategicPatchesOfADeploymentMatchKubectl(String expected, String patch) throws IOException {
        JsonNode patched = LocalPatcher.apply(deployment(), strategic(patch));
        assertEquals(resource(expected + ".yaml"), YamlWriter.sortedKeys().write(patched));
    }

    @Test
    void aYamlPatchWorksLikeItsJson() throws IOException {
        String yaml = "spec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        $patch: delete\n";
        assertEquals(resource("delete-container.yaml"),
                YamlWriter.sortedKeys().write(LocalPatcher.apply(deployment(), strategic(yaml))));
    }

    @Test
    void mergeAndJsonPatchesReplaceListsAndPaths() throws IOException {
        JsonNode deployment = deployment();
        JsonNode merged = LocalPatcher.apply(deployment, PatchDocument.of(PatchDocument.Type.MERGE,
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"only\",\"image\":\"x\"}]}}}}", ""));
        assertEquals(1, merged.at("/spec/template/spec/containers").size(), "merge patch replaces lists");

        JsonNode patched = LocalPatcher.apply(deployment, PatchDocument.of(PatchDocument.Type.JSON,
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]", ""));
        assertEquals(4, patched.at("/spec/replicas").asInt());
        assertEquals(1, deployment.at("/spec/replicas").asInt(), "the object given stays untouched");
    }

    @Test
    void aNullPatchChangesNothingExceptAsAMergePatch() throws IOException {
        JsonNode deployment = deployment();
        assertSame(deployment, LocalPatcher.apply(deployment, strategic(" ")), "strategic: null is an empty map");
        assertSame(deployment, LocalPatcher.apply(deployment, PatchDocument.of(PatchDocument.Type.JSON, "", "")),
                "JSON patch: null is no operations");
        assertError("Invalid JSON Patch", PatchDocument.of(PatchDocument.Type.MERGE, "", ""));
    }

    @Test
    void customKindsRefuseStrategicWithKubectlsMessage() {
        JsonNode widget = Yaml.parseTree("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1}\n");
        assertError("strategic merge patch is not supported for example.com/v1, Kind=Widget locally, try --type merge",
                widget, strategic("{\"spec\":{\"size\":2}}"));
        assertEquals(2, LocalPatcher.apply(widget, PatchDocument.of(PatchDocument.Type.MERGE, "{\"spec\":{\"size\":2}}",
                "")).at("/spec/size").asInt());
        JsonNode pod = Yaml.parseTree("apiVersion: v1\nkind: Nothing\nmetadata: {name: p}\n");
        assertError("strategic merge patch is not supported for /v1, Kind=Nothing locally, try --type merge",
                pod, strategic("{}"));
    }

    @Test
    void bodiesTheGoLibrariesWouldNotReadGetTheirWords() throws IOException {
        assertError("invalid JSON document", strategic("{\"spec\":"));
        assertError("invalid JSON document", strategic("[]"));
        assertError("invalid JSON document", strategic("{\"a\":1} trailing"));
        assertError("Invalid JSON Patch", PatchDocument.of(PatchDocument.Type.MERGE, "{\"spec\":", ""));
        assertError("Invalid JSON Patch", PatchDocument.of(PatchDocument.Type.MERGE, "7", ""));
        assertError("unexpected end of JSON input", PatchDocument.of(PatchDocument.Type.JSON, "{\"spec\":", ""));
        assertError("json: cannot unmarshal object into Go value of type jsonpatch.Patch",
                PatchDocument.of(PatchDocument.Type.JSON, "{}", ""));
        assertError("the patched object is a JSON array, not an object",
                PatchDocument.of(PatchDocument.Type.MERGE, "[1]", ""));
        assertThrows(PatchException.class, () -> LocalPatcher.apply(deployment(),
                PatchDocument.of(PatchDocument.Type.JSON, "[{\"op\":\"remove\",\"path\":\"/nope\"}]", "")));
    }

    private static void assertError(String message, PatchDocument patch) throws IOException {
        assertError(message, deployment(), patch);
    }

    private static void assertError(String message, JsonNode object, PatchDocument patch) {
        assertEquals(message, assertThrows(PatchException.class, () -> LocalPatcher.apply(object, patch)).getMessage());
    }

    private static PatchDocument strategic(String text) {
        return PatchDocument.of(PatchDocument.Type.STRATEGIC, text, text);
    }

    private static JsonNode deployment() throws IOException {
        return Yaml.parseTree(resource("deployment.yaml"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LocalPatcherTest.class.getResourceAsStream("/patch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
