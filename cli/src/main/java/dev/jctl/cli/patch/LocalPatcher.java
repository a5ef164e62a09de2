package dev.jctl.cli.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import dev.jctl.diff.jsonpatch.JsonPatch;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.diff.smp.StrategicMergePatch;
import java.util.Locale;

/**
 * kubectl's {@code getPatchedJSON}: one patch applied on this side, for {@code --local} and
 * {@code --dry-run=client}. The strategic merge patch takes its list merge keys from the built-in table of
 * Kubernetes kinds, as kubectl takes them from its compiled-in types, and refuses other kinds with kubectl's
 * message. A body the Go libraries would not read gets their fixed words: strategicpatch's
 * {@code invalid JSON document}, json-patch's {@code Invalid JSON Patch} for a merge patch.
 */
public final class LocalPatcher {
    private static final String BAD_DOCUMENT = "invalid JSON document";
    private static final String BAD_MERGE_PATCH = "Invalid JSON Patch";

    private LocalPatcher() {
    }

    /** {@code object} with {@code patch} applied; {@code object} itself is left as it is. */
    public static JsonNode apply(JsonNode object, PatchDocument patch) {
        JsonNode patched = switch (patch.type()) {
            case JSON -> jsonPatch(object, patch);
            case MERGE -> mergePatch(object, patch);
            case STRATEGIC -> strategicPatch(object, patch);
        };
        if (!patched.isObject()) {
            // a merge patch that is an array replaces the whole document
            throw new PatchException("the patched object is a JSON " + patched.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + ", not an object");
        }
        return patched;
    }

    /** Go's {@code schema.GroupVersionKind.String()}: {@code apps/v1, Kind=Deployment}, {@code /v1, Kind=Pod}. */
    static String groupVersionKind(String apiVersion, String kind) {
        return (apiVersion.contains("/") ? apiVersion : "/" + apiVersion) + ", Kind=" + kind;
    }

    private static JsonNode strategicPatch(JsonNode object, PatchDocument patch) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        PatchMeta meta = BuiltinPatchMeta.forKind(apiVersion, kind).orElseThrow(() -> new PatchException(
                "strategic merge patch is not supported for " + groupVersionKind(apiVersion, kind)
                        + " locally, try --type merge"));
        JsonNode tree = parse(patch, BAD_DOCUMENT);
        if (tree.isNull()) {
            // null decodes to an empty map: nothing to merge
            return object;
        }
        if (!tree.isObject()) {
            throw new PatchException(BAD_DOCUMENT);
        }
        return StrategicMergePatch.apply(object, tree, meta);
    }

    private static JsonNode mergePatch(JsonNode object, PatchDocument patch) {
        JsonNode tree = parse(patch, BAD_MERGE_PATCH);
        if (!tree.isObject() && !tree.isArray()) {
            throw new PatchException(BAD_MERGE_PATCH);
        }
        return JsonMergePatch.apply(object, tree);
    }

    private static JsonNode jsonPatch(JsonNode object, PatchDocument patch) {
        JsonNode tree;
        try {
            tree = patch.tree();
        } catch (JsonProcessingException e) {
            throw new PatchException(e instanceof JsonEOFException ? "unexpected end of JSON input"
                    : e.getOriginalMessage(), e);
        }
        if (tree.isNull()) {
            // null decodes to a patch of no operations
            return object;
        }
        if (!tree.isArray()) {
            throw new PatchException("json: cannot unmarshal " + goJsonType(tree)
                    + " into Go value of type jsonpatch.Patch");
        }
        return JsonPatch.apply(object, tree);
    }

    private static JsonNode parse(PatchDocument patch, String error) {
        try {
            return patch.tree();
        } catch (JsonProcessingException e) {
            throw new PatchException(error, e);
        }
    }

    /** The JSON type as Go's encoding/json names it in an UnmarshalTypeError. */
    private static String goJsonType(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.isBoolean() ? "bool" : "string";
    }
}
