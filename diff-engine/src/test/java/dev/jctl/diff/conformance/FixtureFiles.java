package dev.jctl.diff.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jctl.diff.io.ManifestException;
import dev.jctl.diff.io.Yaml;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads candidate fixture files and tells fixtures from everything else by their content. */
final class FixtureFiles {
    private static final long MAX_SIZE = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FixtureFiles() {
    }

    /**
     * The parsed file, or empty when it is not JSON or YAML at all (a README, a binary). JSON goes through
     * Jackson because the JSON Patch suite has (disabled) cases with duplicate members, which YAML forbids.
     */
    static Optional<JsonNode> parse(Path file) throws IOException {
        if (Files.size(file) > MAX_SIZE) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            try {
                return Optional.of(JSON.readTree(text));
            } catch (JsonProcessingException notJson) {
                // a YAML flow collection; read it as YAML below
            }
        }
        try {
            return Optional.of(Yaml.parseTree(text));
        } catch (ManifestException notYaml) {
            return Optional.empty();
        }
    }

    /** Whether the content has the shape of some conformance table, whether or not a runner handles it. */
    static boolean looksLikeFixture(JsonNode tree) {
        if (tree.isObject()) {
            return tree.path("goVariable").isTextual();
        }
        if (!tree.isArray() || tree.isEmpty()) {
            return false;
        }
        for (JsonNode item : tree) {
            if (!item.isObject() || !item.has("patch")) {
                return false;
            }
        }
        return true;
    }

    /** A data file by its name: worth reporting when it cannot be parsed. */
    static boolean isDataFileName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
