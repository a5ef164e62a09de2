package dev.jctl.cli.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body kubectl sends for a patch text (apimachinery's yaml.ToJSON) and its errors, as kubectl 1.32 words them. */
class PatchDocumentTest {
    @TempDir
    Path dir;

    @Test
    void textStartingWithABraceIsSentVerbatimEvenWhenMalformed() {
        assertEquals("{\"spec\":", strategic("{\"spec\":").json());
        assertEquals(" \n\t{spec: {replicas: 2}}", strategic(" \n\t{spec: {replicas: 2}}").json(),
                "YAML flow style after a brace is still JSON to kubectl, for the server to refuse");
    }

    @Test
    void anyOtherTextIsYamlConvertedToJson() {
        assertEquals("{\"spec\":{\"replicas\":2}}", strategic("spec:\n  replicas: 2\n").json());
        assertEquals("[{\"op\":\"remove\",\"path\":\"/a\"}]",
                strategic("[{\"op\": \"remove\", \"path\": \"/a\"}]").json(), "a JSON array goes through YAML");
        assertEquals("null", strategic("  ").json());
        assertEquals("\"foo\"", strategic("foo").json());
    }

    @Test
    void unreadableYamlNamesTheFlagValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PatchDocument.of(PatchDocument.Type.MERGE, "a: [1", "a: [1"));
        assertTrue(e.getMessage().startsWith("unable to parse \"a: [1\": yaml: line 1: "), e.getMessage());
        IllegalArgumentException fromFile = assertThrows(IllegalArgumentException.class,
                () -> PatchDocument.of(PatchDocument.Type.MERGE, "a: b: c", ""));
        assertTrue(fromFile.getMessage().startsWith("unable to parse \"\": yaml: "),
                "kubectl quotes -p, which is empty with --patch-file: " + fromFile.getMessage());
    }

    @Test
    void patchFilesAreReadOrReportedInGosWords() throws Exception {
        Path file = Files.writeString(dir.resolve("patch.yaml"), "spec:\n  replicas: 7\n");
        assertEquals("spec:\n  replicas: 7\n", PatchDocument.readFile(file));
        Path missing = dir.resolve("none.json");
        assertEquals("unable to read patch file: open " + missing + ": no such file or directory",
                assertThrows(IllegalArgumentException.class, () -> PatchDocument.readFile(missing)).getMessage());
        assertEquals("unable to read patch file: read " + dir + ": is a directory",
                assertThrows(IllegalArgumentException.class, () -> PatchDocument.readFile(dir)).getMessage());
    }

    @Test
    void typeNamesAreKubectlsInAnyCase() {
        assertEquals(PatchDocument.Type.MERGE, PatchDocument.Type.parse("MERGE"));
        assertEquals("application/json-patch+json", PatchDocument.Type.parse("json").contentType());
        assertEquals("--type must be one of [json merge strategic], not \"foo\"",
                assertThrows(IllegalArgumentException.class, () -> PatchDocument.Type.parse("foo")).getMessage());
    }

    private static PatchDocument strategic(String text) {
        return PatchDocument.of(PatchDocument.Type.STRATEGIC, text, text);
    }
}
