package dev.jctl.cli.apply;

import dev.jctl.diff.io.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The manifests named by {@code -f} arguments, read the way kubectl reads them: a file, a directory's
 * {@code .json}/{@code .yaml}/{@code .yml} files in lexical order (its subdirectories too with {@code -R}), an
 * http(s) URL, or {@code -} for standard input. Everything is read and parsed before anything is applied.
 */
public final class ManifestSources {
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private final InputStream stdin;

    public ManifestSources(InputStream stdin) {
        this.stdin = stdin;
    }

    /**
     * What every source gave, as kubectl's resource builder reads them when it goes on past errors: the manifests
     * of each source up to its first unreadable document (see {@link ManifestStream}), and the errors in source
     * order, in kubectl's words.
     *
     * @param validate check each document's apiVersion and kind as kubectl apply's validation does
     * @throws IllegalArgumentException for a path that does not exist, with kubectl's message
     */
    public Reading readAll(List<String> arguments, boolean recursive, boolean validate) {
        List<ManifestStream.Decoded> decoded = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                decoded.add(ManifestStream.decode("STDIN", readStdin(), validate));
            } else if (argument.startsWith("http://") || argument.startsWith("https://")) {
                decoded.add(ManifestStream.decode(argument, download(argument), validate));
            } else {
                Path path = Path.of(argument);
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("the path \"" + argument + "\" does not exist");
                }
                decoded.addAll(decodeInOrder(files(path, recursive), validate));
            }
        }
        List<Manifest> manifests = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (ManifestStream.Decoded source : decoded) {
            manifests.addAll(source.manifests());
            errors.addAll(source.errors());
        }
        return new Reading(List.copyOf(manifests), List.copyOf(errors));
    }

    /** The manifests read, and the errors that cut sources short or left objects out. */
    public record Reading(List<Manifest> manifests, List<RuntimeException> errors) {
    }

    /**
     * The manifests of commands that read each object named before acting on it: the first error is thrown, and
     * so is kubectl's error for an object without a name, which nothing could be asked about.
     */
    public List<Manifest> read(List<String> arguments, boolean recursive) {
        Reading reading = readAll(arguments, recursive, false);
        if (!reading.errors().isEmpty()) {
            throw reading.errors().get(0);
        }
        if (reading.manifests().stream().anyMatch(manifest -> manifest.name().isEmpty())) {
            throw new IllegalArgumentException("resource name may not be empty");
        }
        return reading.manifests();
    }

    /**
     * Parsing a large directory costs more than anything else before the first request, so its files are parsed
     * on every core; the results keep the files' order.
     */
    private static List<ManifestStream.Decoded> decodeInOrder(List<Path> files, boolean validate) {
        return files.parallelStream().map(file -> ManifestStream.decode(file.toString(), readFile(file), validate))
                .toList();
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String readStdin() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
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
