package dev.jctl.diff.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void showsAChangedFieldWithThreeLinesOfContextAndKubectlStyleLabels() throws Exception {
        JsonNode live = deployment(2, "nginx:1.25");
        JsonNode merged = deployment(3, "nginx:1.25");

        assertEquals("""
                --- live/apps.v1.Deployment.default.web
                +++ merged/apps.v1.Deployment.default.web
                @@ -4,7 +4,7 @@
                   name: web
                   namespace: default
                 spec:
                -  replicas: 2
                +  replicas: 3
                   template:
                     spec:
                       containers:
                """, UnifiedDiff.kubectlStyle(false).render(new ObjectPair(live, merged)));
    }

    @Test
    void equalObjectsGiveNoOutput() throws Exception {
        assertEquals("", UnifiedDiff.kubectlStyle(false).render(new ObjectPair(deployment(1, "a"), deployment(1, "a"))));
    }

    @Test
    void keyOrderCountsOnlyWhereTheWriterKeepsIt() throws Exception {
        JsonNode ab = JSON.readTree("{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\",\"b\":\"2\"}}");
        JsonNode ba = JSON.readTree("{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"b\":\"2\",\"a\":\"1\"}}");
        assertEquals("", UnifiedDiff.kubectlStyle(false).render(new ObjectPair(ab, ba)));
        assertEquals("""
                --- live/.ConfigMap..c
                +++ merged/.ConfigMap..c
                @@ -2,5 +2,5 @@
                 metadata:
                   name: c
                 data:
                -  a: "1"
                   b: "2"
                +  a: "1"
                """, new UnifiedDiff(YamlWriter.treeOrder(), UnifiedDiff.DEFAULT_CONTEXT, false)
                .render(new ObjectPair(ab, ba)));
    }

    @Test
    void aCreatedObjectIsDiffedAgainstAnEmptyFile() throws Exception {
        JsonNode created = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}");
        assertEquals("""
                --- live/v1.Namespace..team
                +++ merged/v1.Namespace..team
                @@ -0,0 +1,4 @@
                +apiVersion: v1
                +kind: Namespace
                +metadata:
                +  name: team
                """, UnifiedDiff.kubectlStyle(false).render(new ObjectPair(null, created)));
    }

    @Test
    void aDeletedObjectShowsEveryLineRemoved() throws Exception {
        JsonNode deleted = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
        String diff = UnifiedDiff.kubectlStyle(false).render(new ObjectPair(deleted, null));
        assertTrue(diff.contains("@@ -1,4 +0,0 @@\n-apiVersion: v1\n-kind: ConfigMap\n"), diff);
    }

    @Test
    void colourWrapsEachKindOfLine() throws Exception {
        String diff = UnifiedDiff.kubectlStyle(true).render(new ObjectPair(deployment(2, "a"), deployment(3, "a")));
        assertTrue(diff.startsWith("\u001B[1m--- live/"), diff);
        assertTrue(diff.contains("\u001B[36m@@ -4,7 +4,7 @@\u001B[0m\n"), diff);
        assertTrue(diff.contains("\u001B[31m-  replicas: 2\u001B[0m\n\u001B[32m+  replicas: 3\u001B[0m\n"), diff);
        assertTrue(diff.contains("\n   template:\n"), "context lines stay uncoloured: " + diff);
    }

    @Test
    void nearbyChangesShareAHunkAndDistantOnesDoNot() throws Exception {
        ObjectNode before = JSON.createObjectNode();
        ObjectNode after = JSON.createObjectNode();
        for (int i = 10; i < 40; i++) {
            before.put("k" + i, i);
            after.put("k" + i, i == 12 || i == 18 || i == 35 ? -i : i);
        }
        String diff = new UnifiedDiff(YamlWriter.treeOrder(), 3, false).render("a", before, "b", after);
        assertEquals(java.util.List.of("@@ -1,12 +1,12 @@", "@@ -23,7 +23,7 @@"),
                diff.lines().filter(l -> l.startsWith("@@")).toList(), diff);
    }

    /** The same two files through GNU diff, where it is installed: hunks and headers must agree. */
    @Test
    void agreesWithGnuDiff(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/diff")), "GNU diff not installed: comparison skipped");
        ObjectNode before = (ObjectNode) deployment(2, "nginx:1.25");
        ObjectNode after = (ObjectNode) deployment(5, "nginx:1.27");
        ((ArrayNode) after.with("spec").with("template").with("spec").withArray("containers"))
                .addObject().put("name", "sidecar").put("image", "envoy");
        ((ObjectNode) after.get("metadata")).put("namespace", "default").putObject("labels").put("tier", "front");
        YamlWriter yaml = YamlWriter.sortedKeys();
        Path a = Files.writeString(dir.resolve("a"), yaml.write(before));
        Path b = Files.writeString(dir.resolve("b"), yaml.write(after));
        Process diff = new ProcessBuilder("/usr/bin/diff", "-u", "--label", "L", "--label", "R", a.toString(),
                b.toString()).start();
        String expected = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(diff.waitFor(30, TimeUnit.SECONDS));
        assertEquals(expected, UnifiedDiff.kubectlStyle(false).render("L", before, "R", after));
    }

    private static JsonNode deployment(int replicas, String image) throws Exception {
        return JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
                 "spec":{"replicas":%d,"template":{"spec":{"containers":[{"name":"web","image":"%s",
                 "ports":[{"containerPort":80}]}]}}}}""".formatted(replicas, image));
    }
}
