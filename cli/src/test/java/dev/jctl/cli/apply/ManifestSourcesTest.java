package dev.jctl.cli.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.jctl.diff.io.Manifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where -f reads from: files, directories (with -R), URLs and standard input, all parsed before applying. */
class ManifestSourcesTest {
    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n";

    @TempDir
    Path dir;

    private static List<String> names(List<Manifest> manifests) {
        return manifests.stream().map(m -> m.source().replaceAll(".*/", "") + ":" + m.name()).toList();
    }

    @Test
    void directoriesGiveTheirManifestFilesInLexicalOrderAndSubdirectoriesOnlyWithRecursive() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), CM.formatted("b"));
        Files.writeString(dir.resolve("a.yml"), CM.formatted("a"));
        Files.writeString(dir.resolve("c.json"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
        Files.writeString(dir.resolve("README.md"), "# not a manifest");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/d.yaml"), CM.formatted("d"));
        ManifestSources sources = new ManifestSources(new ByteArrayInputStream(new byte[0]));

        assertEquals(List.of("a.yml:a", "b.yaml:b", "c.json:c"), names(sources.read(List.of(dir.toString()), false)));
        assertEquals(List.of("a.yml:a", "b.yaml:b", "c.json:c", "d.yaml:d"),
                names(sources.read(List.of(dir.toString()), true)));
    }

    @Test
    void manyFilesParsedTogetherKeepTheirOrderAndTheFirstBrokenFileIsTheOneNamed() throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String file = String.format("m-%03d.yaml", i);
            Files.writeString(dir.resolve(file), CM.formatted("x" + i) + "---\n" + CM.formatted("y" + i));
            expected.add(file + ":x" + i);
            expected.add(file + ":y" + i);
        }
        ManifestSources sources = new ManifestSources(new ByteArrayInputStream(new byte[0]));
        assertEquals(expected, names(sources.read(List.of(dir.toString()), false)));

        for (int broken : List.of(270, 120, 230)) {
            Files.writeString(dir.resolve(String.format("m-%03d.yaml", broken)), "metadata: [unclosed\n");
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> sources.read(List.of(dir.toString()), false));
        assertTrue(e.getMessage().contains("m-120.yaml"), e.getMessage());
    }

    @Test
    void standardInputIsNamedStdin() {
        ManifestSources sources = new ManifestSources(new ByteArrayInputStream(
                (CM.formatted("one") + "---\n" + CM.formatted("two")).getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("STDIN:one", "STDIN:two"), names(sources.read(List.of("-"), false)));
    }

    @Test
    void urlsAreDownloaded() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/app.yaml", exchange -> {
            byte[] body = CM.formatted("remote").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/app.yaml";
            List<Manifest> manifests = new ManifestSources(new ByteArrayInputStream(new byte[0]))
                    .read(List.of(url), false);
            assertEquals("remote", manifests.get(0).name());
            assertEquals(url, manifests.get(0).source());
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> new ManifestSources(new ByteArrayInputStream(new byte[0]))
                            .read(List.of(url.replace("app", "nope")), false));
            assertEquals("unable to read URL \"" + url.replace("app", "nope")
                    + "\", server reported 404 Not Found, status code=404", missing.getMessage());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aMissingPathIsNamedLikeKubectlNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ManifestSources(new ByteArrayInputStream(new byte[0]))
                        .read(List.of(dir.resolve("nope.yaml").toString()), false));
        assertEquals("the path \"" + dir.resolve("nope.yaml") + "\" does not exist", e.getMessage());
    }

    @Test
    void aBadDocumentEndsItsOwnFileOnlyAndEveryBadFileIsReportedInOrder() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), CM.formatted("a1") + "---\nmetadata: [unclosed\n---\n"
                + CM.formatted("a3"));
        Files.writeString(dir.resolve("b.yaml"), CM.formatted("b"));
        Files.writeString(dir.resolve("c.yaml"), "apiVersion: v1\nmetadata:\n  name: c1\n---\n" + CM.formatted("c2"));
        ManifestSources sources = new ManifestSources(new ByteArrayInputStream(new byte[0]));

        ManifestSources.Reading validated = sources.readAll(List.of(dir.toString()), false, true);
        assertEquals(List.of("a.yaml:a1", "b.yaml:b"), names(validated.manifests()));
        assertEquals(List.of("error parsing " + dir.resolve("a.yaml") + ": error converting YAML to JSON: yaml: "
                        + "line 1: did not find expected ',' or ']'",
                "error validating \"" + dir.resolve("c.yaml") + "\": error validating data: kind not set; if you "
                        + "choose to ignore these errors, turn validation off with --validate=false"),
                validated.errors().stream().map(RuntimeException::getMessage).toList());

        // Without validation an object without a kind is left out, and the file goes on.
        ManifestSources.Reading decoded = sources.readAll(List.of(dir.toString()), false, false);
        assertEquals(List.of("a.yaml:a1", "b.yaml:b", "c.yaml:c2"), names(decoded.manifests()));
        assertEquals("unable to decode \"" + dir.resolve("c.yaml") + "\": Object 'Kind' is missing in "
                + "'{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"c1\"}}'", decoded.errors().get(1).getMessage());
    }

    @Test
    void anObjectWithoutANameIsReadButNotForCommandsThatLookItUp() throws IOException {
        Path file = Files.writeString(dir.resolve("nameless.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
        ManifestSources sources = new ManifestSources(new ByteArrayInputStream(new byte[0]));
        assertEquals(List.of("nameless.yaml:"), names(sources.readAll(List.of(file.toString()), false, true).manifests()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sources.read(List.of(file.toString()), false));
        assertEquals("resource name may not be empty", e.getMessage());
    }
}
