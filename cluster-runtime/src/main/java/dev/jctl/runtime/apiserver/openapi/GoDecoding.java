package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a request's object would decode into its built-in kind's Go type, and the error kube-apiserver 1.32 gives
 * when not: a wrong JSON type ({@code replicas: "3"}, {@code containers: {}}), an integer that is not one
 * ({@code 1.5}, {@code 1e3}), a bad quantity or int-or-string, base64 that is not. Two decoders are involved
 * upstream, and so here: request bodies and JSON/merge-patched objects go through the JSON decoder
 * ({@link GoJsonDecoder}), strategic-merge-patched and server-side-applied objects through the unstructured
 * converter ({@link GoUnstructuredDecoder}), whose errors read differently.
 */
public final class GoDecoding {
    private final GoType type;

    private GoDecoding(GoType type) {
        this.type = type;
    }

    /** The decoding of a built-in kind (or a subresource's kind, such as autoscaling/v1 Scale); empty for others. */
    public static Optional<GoDecoding> forKind(String group, String version, String kind) {
        return GoTypes.builtin().kind(group, version, kind).map(GoDecoding::new);
    }

    /** The JSON decoder's error for a request body as sent. */
    public Optional<String> jsonError(byte[] body) {
        return Optional.ofNullable(GoJsonDecoder.firstError(RequestTree.ofJson(body), type));
    }

    /** The JSON decoder's error for an object built by a JSON patch or a JSON merge patch. */
    public Optional<String> jsonError(JsonNode object) {
        return Optional.ofNullable(GoJsonDecoder.firstError(RequestTree.of(object), type));
    }

    /**
     * Removes, in place, the struct fields set to null: decoding leaves such a field at its zero value, or nil,
     * and it is not stored, whatever the kind's defaults then fill in. Nulls inside maps and lists, which decode
     * to zero-valued entries, are left as they are.
     */
    public void dropNullFields(JsonNode object) {
        dropNullFields(object, type);
    }

    private static void dropNullFields(JsonNode value, GoType type) {
        if (type.kind() == GoType.Kind.STRUCT && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                GoType field = type.field(entry.getKey());
                if (field != null && entry.getValue().isNull()) {
                    it.remove();
                } else if (field != null) {
                    dropNullFields(entry.getValue(), field);
                }
            }
        } else if ((type.kind() == GoType.Kind.SLICE && value.isArray())
                || (type.kind() == GoType.Kind.MAP && value.isObject())) {
            GoType element = type.element();
            value.forEach(item -> dropNullFields(item, element));
        }
    }

    /** The unstructured converter's error for an object built by a strategic merge patch or an apply. */
    public Optional<String> convertError(JsonNode object) {
        return Optional.ofNullable(GoUnstructuredDecoder.firstError(object, type));
    }
}
