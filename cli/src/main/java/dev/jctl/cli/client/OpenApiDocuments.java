package dev.jctl.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The server's OpenAPI v3 documents, one per group-version, as kubectl reads them for patch metadata: the index
 * {@code /openapi/v3} once per run, each document at most once per run. Documents whose URL carries a content
 * hash ({@code ?hash=...}) never change, so they are also kept on disk under {@code <cache>/openapi/}.
 */
public final class OpenApiDocuments {
    private final Connection connection;
    private final Path cacheDir;
    private JsonNode index;
    private final Map<String, Optional<JsonNode>> documents = new HashMap<>();

    public OpenApiDocuments(Connection connection) {
        this.connection = connection;
        this.cacheDir = connection.cacheDir().resolve("openapi").resolve(Discovery.hostDirectory(connection.server()));
    }

    /** The document of {@code apiVersion} ({@code v1}, {@code apps/v1}), empty when the server has none. */
    public Optional<JsonNode> forApiVersion(String apiVersion) {
        return documents.computeIfAbsent(apiVersion, this::load);
    }

    private Optional<JsonNode> load(String apiVersion) {
        String key = apiVersion.contains("/") ? "apis/" + apiVersion : "api/" + apiVersion;
        JsonNode entry = index().path("paths").path(key);
        String url = entry.path("serverRelativeURL").asText("");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        boolean immutable = url.contains("hash=");
        Path cached = cacheDir.resolve(sha256(url) + ".json");
        if (immutable && Files.isRegularFile(cached)) {
            try {
                return Optional.of(Connection.JSON.readTree(Files.readString(cached, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // Fall through to the server.
            }
        }
        Connection.Answer answer = connection.exchange(Connection.Request.get(url));
        if (answer.code() != 200) {
            return Optional.empty();
        }
        if (immutable) {
            store(cached, answer.body());
        }
        return Optional.ofNullable(answer.json());
    }

    private JsonNode index() {
        if (index == null) {
            Connection.Answer answer = connection.exchange(Connection.Request.get("/openapi/v3"));
            index = answer.code() == 200 && answer.json() != null ? answer.json() : Connection.JSON.createObjectNode();
        }
        return index;
    }

    private static void store(Path file, String body) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "doc", ".tmp");
            Files.writeString(temp, body, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Caching is an optimisation; the document is fetched again next run.
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
