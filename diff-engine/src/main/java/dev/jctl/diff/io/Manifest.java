package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object read from a stream, with where it came from.
 *
 * @param object        the object as read (key order as written)
 * @param source        the file name, URL or label the text came from
 * @param documentIndex 0-based position of the YAML document in the stream (items of a {@code List} share it)
 * @param line          1-based line where the object starts
 */
public record Manifest(ObjectNode object, String source, int documentIndex, int line) {

    public String apiVersion() {
        return object.path("apiVersion").asText();
    }

    public String kind() {
        return object.path("kind").asText();
    }

    /** {@code metadata.name}, or empty when the object only has a {@code generateName}. */
    public String name() {
        return object.path("metadata").path("name").asText();
    }

    /** {@code metadata.namespace}, or empty when not set. */
    public String namespace() {
        return object.path("metadata").path("namespace").asText();
    }

    public JsonNode metadata() {
        return object.path("metadata");
    }

    /** {@code source:line}, for messages. */
    public String location() {
        return source + ":" + line;
    }
}
