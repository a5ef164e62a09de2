package dev.jctl.diff.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
    private final ManifestReader reader = new ManifestReader();

    @Test
    void readsEveryDocumentOfAStreamAndSkipsEmptyOnes() {
        String text = """
                # leading comment
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: first
                ---
                ---
                # only a comment
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: second, namespace: prod}
                """;
        List<Manifest> manifests = reader.read("two.yaml", text);
        assertEquals(2, manifests.size());
        assertEquals("first", manifests.get(0).name());
        assertEquals(0, manifests.get(0).documentIndex());
        assertEquals(2, manifests.get(0).line());
        Manifest second = manifests.get(1);
        assertEquals("Deployment", second.kind());
        assertEquals("prod", second.namespace());
        assertEquals(3, second.documentIndex());
        assertEquals(10, second.line());
        assertEquals("two.yaml:10", second.location());
    }

    @Test
    void flattensListKinds() {
        String text = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: a}
                - apiVersion: v1
                  kind: Service
                  metadata: {name: b}
                ---
                apiVersion: v1
                kind: ServiceList
                items:
                - {apiVersion: v1, kind: Service, metadata: {name: c}}
                """;
        List<Manifest> manifests = reader.read("list.yaml", text);
        assertEquals(List.of("a", "b", "c"), manifests.stream().map(Manifest::name).toList());
        assertEquals(4, manifests.get(0).line());
        assertEquals(7, manifests.get(1).line());
        assertEquals(1, manifests.get(2).documentIndex());
    }

    @Test
    void anItemOfAListIsCheckedLikeAnyObject() {
        ManifestException e = assertThrows(ManifestException.class, () -> reader.read("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {}
                """));
        assertEquals("list.yaml:6:13: missing \"metadata.name\" (or \"metadata.generateName\")", e.getMessage());
    }

    @Test
    void aKindEndingInListWithoutItemsIsAnOrdinaryObject() {
        List<Manifest> manifests = reader.read("allow.yaml", """
                apiVersion: example.com/v1
                kind: AllowList
                metadata: {name: allow}
                """);
        assertEquals("AllowList", manifests.get(0).kind());
    }

    @Test
    void duplicateKeyIsReportedWhereTheSecondKeyIsWritten() {
        ManifestException e = assertThrows(ManifestException.class, () -> reader.read("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: {}
                  name: other
                """));
        assertEquals("deploy.yaml:6:3: duplicate key \"name\"", e.getMessage());
        assertEquals(6, e.line());
        assertEquals(3, e.column());
        assertEquals("deploy.yaml", e.source());
    }

    @Test
    void syntaxErrorNamesSourceLineAndColumn() {
        ManifestException e = assertThrows(ManifestException.class, () -> reader.read("bad.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                 labels: y
                """));
        assertTrue(e.getMessage().startsWith("bad.yaml:5:"), e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
        ManifestException e = assertThrows(ManifestException.class,
                () -> reader.read("seq.yaml", "apiVersion: v1\nkind: A\nmetadata: {name: a}\n---\n- a\n- b\n"));
        assertEquals("seq.yaml:5:1: a manifest must be a mapping, found a sequence", e.getMessage());
    }

    @Test
    void missingIdentityFieldsAreErrors() {
        assertEquals("m.yaml:1:1: missing \"apiVersion\"",
                assertThrows(ManifestException.class, () -> reader.read("m.yaml", "kind: A\nmetadata: {name: a}\n"))
                        .getMessage());
        assertEquals("m.yaml:2:1: missing \"kind\"",
                assertThrows(ManifestException.class, () -> reader.read("m.yaml", "---\napiVersion: v1\n"
                        + "metadata: {name: a}\n")).getMessage());
        assertEquals("m.yaml:1:1: missing \"metadata.name\"",
                assertThrows(ManifestException.class, () -> reader.read("m.yaml", "apiVersion: v1\nkind: A\n"))
                        .getMessage());
        assertEquals("m.yaml:2:7: \"kind\" must be a non-empty string",
                assertThrows(ManifestException.class, () -> reader.read("m.yaml", "apiVersion: v1\nkind: 5\n"
                        + "metadata: {name: a}\n")).getMessage());
    }

    @Test
    void generateNameStandsInForName() {
        Manifest job = reader.read("job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: run-}\n")
                .get(0);
        assertEquals("", job.name());
        assertEquals("run-", job.metadata().get("generateName").asText());
    }

    @Test
    void readsJson() {
        List<Manifest> manifests = reader.read("cm.json", """
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"},
                 "data": {"port": "8080"}, "big": 9007199254740993}
                """);
        assertEquals("8080", manifests.get(0).object().at("/data/port").textValue());
        assertEquals(9007199254740993L, manifests.get(0).object().get("big").longValue());
    }

    @Test
    void readsFilesAndStreams(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("svc.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
        assertEquals(file.toString(), reader.read(file).get(0).source());
        byte[] bytes = "apiVersion: v1\nkind: Service\nmetadata: {name: é}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("é", reader.read("-", new ByteArrayInputStream(bytes)).get(0).name());
    }
}
