package dev.jctl.diff.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The .yaml files beside each .json were printed by kubectl v1.32 ({@code patch --local -o yaml}). */
    @ParameterizedTest
    @ValueSource(strings = {"scalars", "edges", "deployment"})
    void printsWhatKubectlPrints(String fixture) throws IOException {
        JsonNode tree = JSON.readTree(resource(fixture + ".json"));
        assertEquals(resource(fixture + ".yaml"), YamlWriter.sortedKeys().write(tree));
    }

    /** The same fixtures through the real kubectl when it is on PATH, so a kubectl upgrade is noticed. */
    @ParameterizedTest
    @ValueSource(strings = {"scalars", "edges", "deployment"})
    void matchesInstalledKubectl(String fixture, @TempDir Path dir) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not on PATH: compatibility with the real binary not checked");
        Path file = dir.resolve(fixture + ".json");
        Files.writeString(file, resource(fixture + ".json"));
        Process kubectl = new ProcessBuilder("kubectl", "patch", "--local", "-f", file.toString(), "--type",
                "merge", "-p", "{}", "-o", "yaml").redirectErrorStream(true).start();
        String printed = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, kubectl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, kubectl.exitValue(), printed);
        assertEquals(printed, YamlWriter.sortedKeys().write(JSON.readTree(file.toFile())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "80|~\"80\"~", "true|~\"true\"~", "on|~\"on\"~", "y|~\"y\"~", "null|~\"null\"~", "1.0|~\"1.0\"~",
        "1e3|~\"1e3\"~", "0o17|~\"0o17\"~", "1:20|~\"1:20\"~", "2024-02-29|~\"2024-02-29\"~",
        "2023-02-29|2023-02-29", "~ lead~|~' lead'~", "~trail ~|~'trail '~", "a: b|~'a: b'~", "a:b|a:b",
        "a #b|~'a #b'~", "a#b|a#b", "- x|~'- x'~", "-x|-x", "it's|it's", "~'q'~|~'''q'''~", "nginx:1.25|nginx:1.25",
        "<<|<<", "NaN|NaN", ".NaN|~\".NaN\"~", "1.2.3|1.2.3", "~~|~\"\"~",
    })
    void quotesOnlyWhenNeeded(String text, String expected) {
        assertEquals("v: " + expected + "\n", YamlWriter.sortedKeys().write(object("v", text)));
    }

    @Test
    void writesTabsAndEmojiEscapedLikeGoYaml() {
        assertEquals("v: \"a\\tb \\U0001F600\"\n", YamlWriter.sortedKeys().write(object("v", "a\tb \uD83D\uDE00")));
    }

    @Test
    void multiLineStringsBecomeLiteralBlocksWithTheRightChomping() {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("clip", "a\nb\n").put("strip", "a\nb").put("keep", "a\n\n").put("indented", "  x\ny\n");
        assertEquals("""
                clip: |
                  a
                  b
                indented: |2
                    x
                  y
                keep: |+
                  a

                strip: |-
                  a
                  b
                """, YamlWriter.sortedKeys().write(tree));
    }

    @Test
    void sequencesUnderAKeyAreNotIndented() throws IOException {
        JsonNode tree = JSON.readTree("{\"spec\":{\"containers\":[{\"name\":\"web\",\"ports\":[{\"containerPort\":80}]}],"
                + "\"nested\":[[1,2],[]],\"empty\":{}}}");
        assertEquals("""
                spec:
                  containers:
                  - name: web
                    ports:
                    - containerPort: 80
                  empty: {}
                  nested:
                  - - 1
                    - 2
                  - []
                """, YamlWriter.sortedKeys().write(tree));
    }

    @Test
    void treeOrderKeepsKeysAsWritten() throws IOException {
        JsonNode tree = JSON.readTree("{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"a10\":1,\"a9\":2}");
        assertEquals("kind: Pod\napiVersion: v1\na10: 1\na9: 2\n", YamlWriter.treeOrder().write(tree));
        assertEquals("a9: 2\na10: 1\napiVersion: v1\nkind: Pod\n", YamlWriter.sortedKeys().write(tree));
    }

    @Test
    void floatsReadAsFloat64PrintAsGoPrintsThem() throws IOException {
        JsonNode tree = JSON.readTree("{\"a\":1.0,\"b\":0.5,\"c\":1e21,\"d\":1234567.5,\"e\":0.00001,\"f\":1e19}");
        assertEquals("a: 1\nb: 0.5\nc: 1e+21\nd: 1.2345675e+06\ne: 1e-05\nf: 10000000000000000000\n",
                YamlWriter.sortedKeys().write(tree));
    }

    @Test
    void topLevelScalarsAndEmptyCollections() {
        assertEquals("{}\n", YamlWriter.sortedKeys().write(JSON.createObjectNode()));
        assertEquals("[]\n", YamlWriter.sortedKeys().write(JSON.createArrayNode()));
        assertEquals("- a\n- 1\n", YamlWriter.sortedKeys().write(JSON.createArrayNode().add("a").add(1)));
    }

    private static ObjectNode object(String key, String value) {
        return JSON.createObjectNode().put(key, value);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = YamlWriterTest.class.getResourceAsStream("/yaml-writer/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
