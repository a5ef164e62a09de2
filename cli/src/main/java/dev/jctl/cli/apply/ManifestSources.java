package dev.jctl.cli.apply;

import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The manifests named by {@code -f} arguments, read the way kubectl reads them: a file, a directory's
 * {@code .json}/{@code .yaml}/{@code .yml} files in lexical order (its subdirectories too with {@code -R}), an
 * http(s) URL, or {@code -} for standard input. Everything is read and parsed before anything is applied.
 */
public final class ManifestSources {
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private final ManifestReader reader = new ManifestReader();
    private final InputStream stdin;

    public ManifestSources(InputStream stdin) {
        this.stdin = stdin;
    }

    /** @throws IllegalArgumentException for a path that does not exist, with kubectl's message */
    public List<Manifest> read(List<String> arguments, boolean recursive) {
        List<Manifest> all = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                all.addAll(reader.read("STDIN", stdin));
            } else if (argument.startsWith("http://") || argument.startsWith("https://")) {
                all.addAll(reader.read(argument, download(argument)));
            } else {
                Path path = Path.of(argument);
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("the path \"" + argument + "\" does not exist");
                }
                all.addAll(readInOrder(files(path, recursive)));
            }
        }
        return all;
    }

    /**
     * Parsing a large directory costs more than anything else before the first request, so its files are parsed
     * on every core; the manifests keep the files' order, and an error is the first file's in that order.
     */
    private List<Manifest> readInOrder(List<Path> files) {
        List<Supplier<List<Manifest>>> parsed = files.parallelStream().map(this::parse).toList();
        List<Manifest> all = new ArrayList<>();
        for (Supplier<List<Manifest>> manifests : parsed) {
            all.addAll(manifests.get());
        }
        return all;
    }

    /** The file's manifests, or its error to throw when its turn comes. */
    private Supplier<List<Manifest>> parse(Path file) {
        try {
            List<Manifest> manifests = reader.read(file);
            return () -> manifests;
        } catch (RuntimeException e) {
            return () -> {
                throw e;
            };
        }
    }

    private static List<Path> files(Path path, boolean recursive) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = recursive ? Files.walk(path) : Files.list(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> EXTENSIONS.stream().anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read directory " + path + ": " + e.getMessage(), e);
        }
    }

    /** Go's http.StatusText for the codes a manifest URL plausibly answers; kubectl's message includes it. */
    private static String reasonPhrase(int code) {
        return switch (code) {
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }

    private static String download(String url) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("unable to read URL \"" + url + "\", server reported "
                        + response.statusCode() + " " + reasonPhrase(response.statusCode()) + ", status code="
                        + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read URL \"" + url + "\": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + url, e);
        }
    }
}
