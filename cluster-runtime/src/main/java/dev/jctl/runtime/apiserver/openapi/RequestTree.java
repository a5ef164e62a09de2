package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request body as written, keeping every occurrence of a repeated key in order, which a parsed
 * {@link JsonNode} no longer shows: what strict field validation needs to report duplicate fields, and what a
 * typed decode visits (Go's decoder decodes every occurrence, in document order). JSON scalars keep their kind and
 * their text, numbers as written ({@code 1.0}, {@code 1e3}), which is what Go's decode errors quote.
 */
sealed interface RequestTree {
    /** An object: its entries in document order, repeated keys included. */
    record Obj(List<Map.Entry<String, RequestTree>> entries) implements RequestTree {
    }

    record Arr(List<RequestTree> items) implements RequestTree {
    }

    /** The kinds of JSON scalars; YAML scalars, which field validation alone reads, stay {@code UNTYPED}. */
    enum Scalar { STRING, NUMBER, BOOL, NULL, UNTYPED }

    /** Any scalar, null included: strings unescaped, numbers as written. */
    record Leaf(Scalar kind, String text) implements RequestTree {
    }

    RequestTree LEAF = new Leaf(Scalar.UNTYPED, "");

    static RequestTree ofJson(byte[] body) {
        // the shared factory: a new one builds its symbol tables afresh, which cost more than the parse
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return LEAF;
            }
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestTree read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<Map.Entry<String, RequestTree>> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                entries.add(Map.entry(name, read(parser)));
            }
            return new Obj(entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<RequestTree> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Arr(items);
        }
        return switch (token) {
            case VALUE_STRING -> new Leaf(Scalar.STRING, parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Leaf(Scalar.NUMBER, parser.getText());
            case VALUE_TRUE, VALUE_FALSE -> new Leaf(Scalar.BOOL, parser.getText());
            case VALUE_NULL -> new Leaf(Scalar.NULL, "null");
            default -> LEAF;
        };
    }

    static RequestTree of(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, RequestTree>> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(Map.entry(e.getKey(), of(e.getValue()))));
            return new Obj(entries);
        }
        if (node.isArray()) {
            List<RequestTree> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item)));
            return new Arr(items);
        }
        if (node.isTextual()) {
            return new Leaf(Scalar.STRING, node.asText());
        }
        if (node.isNumber()) {
            return new Leaf(Scalar.NUMBER, node.asText());
        }
        if (node.isBoolean()) {
            return new Leaf(Scalar.BOOL, node.asText());
        }
        return node.isNull() ? new Leaf(Scalar.NULL, "null") : LEAF;
    }
}
