package dev.jctl.cli.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.diff.PatchException;
import dev.jctl.diff.io.YamlWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected outputs were printed by {@code kubectl patch --local -f deployment.yaml -p PATCH -o yaml} (v1.32). */
class LocalPatcherTest {
    @TempDir
    Path dir;

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
        List<LocalPatcher.Result> results =
                new LocalPatcher().patch(deployment(), patch, LocalPatcher.Type.STRATEGIC);

        assertEquals(1, results.size());
        assertTrue(results.get(0).changed());
        assertEquals(resource(expected + ".yaml"), YamlWriter.sortedKeys().write(results.get(0).patched()));
    }

    @Test
    void aYamlPatchWorksLikeItsJson() throws IOException {
        String yaml = "spec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        $patch: delete\n";
        LocalPatcher.Result result = new LocalPatcher().patch(deployment(), yaml, LocalPatcher.Type.STRATEGIC).get(0);
        assertEquals(resource("delete-container.yaml"), YamlWriter.sortedKeys().write(result.patched()));
    }

    @Test
    void mergeAndJsonPatchesReplaceListsAndPaths() throws IOException {
        LocalPatcher patcher = new LocalPatcher();
        LocalPatcher.Result merge = patcher.patch(deployment(),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"only\",\"image\":\"x\"}]}}}}",
                LocalPatcher.Type.MERGE).get(0);
        assertEquals(1, merge.patched().at("/spec/template/spec/containers").size(), "merge patch replaces lists");

        LocalPatcher.Result json = patcher.patch(deployment(),
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":4}]", LocalPatcher.Type.JSON).get(0);
        assertEquals(4, json.patched().at("/spec/replicas").asInt());
        assertEquals(1, json.original().at("/spec/replicas").asInt(), "the manifest as read stays untouched");
    }

    @Test
    void anEmptyPatchChangesNothing() throws IOException {
        assertFalse(new LocalPatcher().patch(deployment(), "{}", LocalPatcher.Type.STRATEGIC).get(0).changed());
    }

    @Test
    void everyObjectOfAStreamIsPatched() throws IOException {
        Path file = Files.writeString(dir.resolve("two.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b}
                """);
        List<LocalPatcher.Result> results =
                new LocalPatcher().patch(file, "{\"data\":{\"k\":\"v\"}}", LocalPatcher.Type.STRATEGIC);
        assertEquals(List.of("a", "b"), results.stream().map(r -> r.patched().at("/metadata/name").asText()).toList());
        assertTrue(results.stream().allMatch(r -> r.patched().at("/data/k").asText().equals("v")));
    }

    @Test
    void customKindsRefuseStrategicWithKubectlsMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("cr.yaml"),
                "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1}\n");
        PatchException e = assertThrows(PatchException.class,
                () -> new LocalPatcher().patch(file, "{\"spec\":{\"size\":2}}", LocalPatcher.Type.STRATEGIC));
        assertEquals("strategic merge patch is not supported for example.com/v1, Kind=Widget locally, try --type merge",
                e.getMessage());
        assertEquals(2, new LocalPatcher().patch(file, "{\"spec\":{\"size\":2}}", LocalPatcher.Type.MERGE).get(0)
                .patched().at("/spec/size").asInt());
    }

    @Test
    void badPatchesAndFilesAreReported() throws IOException {
        LocalPatcher patcher = new LocalPatcher();
        assertThrows(PatchException.class, () -> patcher.patch(deployment(), "{bad", LocalPatcher.Type.STRATEGIC));
        assertThrows(PatchException.class, () -> patcher.patch(deployment(), "", LocalPatcher.Type.MERGE));
        assertThrows(PatchException.class, () -> patcher.patch(deployment(), "[1]", LocalPatcher.Type.MERGE));
        assertThrows(PatchException.class, () -> patcher.patch(deployment(),
                "[{\"op\":\"remove\",\"path\":\"/nope\"}]", LocalPatcher.Type.JSON));
        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> patcher.patch(dir.resolve("none.yaml"), "{}", LocalPatcher.Type.MERGE));
        assertTrue(missing.getMessage().endsWith("none.yaml\" does not exist"), missing.getMessage());
        assertThrows(FileNotFoundException.class, () -> LocalPatcher.readPatchFile(dir.resolve("none.json")));
    }

    @Test
    void typeNamesAreKubectls() {
        assertEquals(LocalPatcher.Type.MERGE, LocalPatcher.Type.parse("merge"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalPatcher.Type.parse("foo"));
        assertEquals("--type must be one of [json merge strategic], not \"foo\"", e.getMessage());
    }

    private Path deployment() throws IOException {
        return Files.writeString(dir.resolve("deployment.yaml"), resource("deployment.yaml"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = LocalPatcherTest.class.getResourceAsStream("/patch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
