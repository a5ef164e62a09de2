package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.openapi.GoDecoding;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.validation.GoValues;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A built-in kind's request decoded into its Go type, as kube-apiserver decodes every body and every patch
 * result, failing the request the way each handler does: a POST or PUT body with 400 BadRequest
 * ({@code Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal ...}), a patch
 * result with 422 Invalid on the field {@code patch}. Decoding comes before everything else the request asks, and
 * a type error trumps the unknown and duplicate fields of fieldValidation, as upstream's decoder returns it
 * instead of them. Custom resources are checked against their structural schema instead.
 */
final class Decoding {
    private final String version;
    private final String kind;
    private final GoDecoding decoding;

    private Decoding(String version, String kind, GoDecoding decoding) {
        this.version = version;
        this.kind = kind;
        this.decoding = decoding;
    }

    /** The decoding of what a request to {@code target} carries: its kind, or a Scale for /scale. */
    static Optional<Decoding> of(RequestTarget target) {
        KindInfo k = target.kind();
        if ("scale".equals(target.subresource())) {
            return GoDecoding.forKind("autoscaling", "v1", "Scale").map(d -> new Decoding("v1", "Scale", d));
        }
        if (k.custom() != null) {
            return Optional.empty();
        }
        return GoDecoding.forKind(k.group(), k.version(), k.kind()).map(d -> new Decoding(k.version(), k.kind(), d));
    }

    /**
     * POST and PUT: upstream's transformDecodeError of the body's first decoding error; else {@code object}, the
     * decoded body, loses the struct fields the body set to null, as decoding drops them.
     */
    static void body(RequestTarget target, byte[] body, ObjectNode object) {
        of(target).ifPresent(d -> {
            d.decoding.jsonError(body).ifPresent(error -> {
                throw ApiException.badRequest(d.kind + " in version \"" + d.version + "\" cannot be handled as a "
                        + d.kind + ": " + error);
            });
            d.decoding.dropNullFields(object);
        });
    }

    /**
     * PATCH: the patched object decoded as upstream's patchers decode it. A JSON or merge patch result is JSON
     * decoded, and the error shows that JSON document; a strategic merge patch result goes through the
     * unstructured converter, and the error shows the patch as Go's %+v prints the decoded map.
     */
    ObjectNode patched(String patchType, JsonNode patch, ObjectNode patched) {
        if (patchType.equals(Patcher.STRATEGIC_MERGE_PATCH)) {
            decoding.convertError(patched).ifPresent(error -> {
                throw ApiException.invalidPatch(GoValues.plusV(patch), error);
            });
        } else {
            decoding.jsonError(patched).ifPresent(error -> {
                throw ApiException.invalidPatch(patchedDocument(patchType, patch, patched), error);
            });
        }
        decoding.dropNullFields(patched);
        return patched;
    }

    /**
     * The patched document as evanphx/json-patch v4 writes it: every object the patch reached was decoded into a
     * Go map and is written with sorted keys (the root always; along each JSON patch operation's path; wherever a
     * merge patch holds an object); the rest is kept as the server encoded the current object. kube-apiserver
     * encodes that in Go struct field order, which the schemas here do not record, so those parts keep the stored
     * object's order, and numbers are written from their values ({@code 1e3} as {@code 1000}).
     */
    private static String patchedDocument(String patchType, JsonNode patch, ObjectNode patched) {
        ObjectNode document = patched.deepCopy();
        if (patchType.equals(Patcher.JSON_PATCH)) {
            for (JsonNode op : patch) {
                sortAlong(document, op.path("path").asText());
                sortAlong(document, op.path("from").asText());
            }
        } else {
            sortWherePatched(document, patch);
        }
        return JsonWriter.compact(sorted(document));
    }

    private static void sortAlong(ObjectNode document, String pointer) {
        JsonNode node = document;
        String[] tokens = pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
        for (int i = 0; i < tokens.length - 1 && node != null; i++) {
            String token = tokens[i].replace("~1", "/").replace("~0", "~");
            node = node.isArray() ? node.get(parseIndex(token)) : node.get(token);
            if (node instanceof ObjectNode object) {
                replaceWithSorted(object);
            }
        }
    }

    private static int parseIndex(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void sortWherePatched(ObjectNode node, JsonNode patch) {
        replaceWithSorted(node);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isObject() && node.get(entry.getKey()) instanceof ObjectNode child) {
                sortWherePatched(child, entry.getValue());
            }
        }
    }

    private static void replaceWithSorted(ObjectNode object) {
        ObjectNode sorted = sorted(object);
        object.removeAll();
        object.setAll(sorted);
    }

    private static ObjectNode sorted(ObjectNode object) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        object.fields().forEachRemaining(e -> byKey.put(e.getKey(), e.getValue()));
        ObjectNode copy = object.objectNode();
        byKey.forEach(copy::set);
        return copy;
    }
}
