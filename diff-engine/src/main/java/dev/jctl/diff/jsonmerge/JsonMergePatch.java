package dev.jctl.diff.jsonmerge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON merge patch (RFC 7396) as Kubernetes computes it: applying follows evanphx/json-patch v4
 * {@code MergePatch}, two-way creation its {@code CreateMergePatch}, and three-way creation apimachinery's
 * {@code jsonmergepatch.CreateThreeWayJSONMergePatch}, which kubectl apply uses for custom resources.
 */
public final class JsonMergePatch {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMergePatch() {
    }

    /**
     * Applies {@code patch} to a copy of {@code target}. Like evanphx's {@code MergePatch}: when either side is
     * not an object the result is the patch itself, an object patch without its null members, an array patch
     * with nulls removed from the objects inside it; a scalar or null patch, or a null target, is an error.
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (target == null || target.isNull() || target.isMissingNode()) {
            throw new PatchException("invalid JSON document: a merge patch needs a target document");
        }
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            throw new PatchException("invalid JSON patch: a merge patch must be an object");
        }
        if (target.isObject() && patch.isObject()) {
            ObjectNode result = target.deepCopy();
            mergeInto(result, (ObjectNode) patch.deepCopy());
            return result;
        }
        if (patch.isObject() || patch.isArray()) {
            return pruneNulls(patch.deepCopy());
        }
        throw new PatchException("invalid JSON patch: a merge patch must be an object, not " + patch);
    }

    /**
     * The merge patch that turns {@code original} into {@code modified} (evanphx's {@code CreateMergePatch}):
     * changed members recursively, removed members as {@code null}, arrays replaced whole. Two arrays give an
     * array of patches, one per pair of items. A JSON null input counts as an empty object.
     */
    public static JsonNode createTwoWay(JsonNode original, JsonNode modified) {
        if (original.isArray() && modified.isArray()) {
            if (original.size() != modified.size()) {
                throw new PatchException("invalid JSON document: arrays of different lengths ("
                        + original.size() + " and " + modified.size() + ")");
            }
            ArrayNode patches = NODES.arrayNode(original.size());
            for (int i = 0; i < original.size(); i++) {
                patches.add(diff(asObject(original.get(i)), asObject(modified.get(i))));
            }
            return patches;
        }
        if (original.isArray() || modified.isArray()) {
            throw new PatchException("mismatched JSON documents: cannot diff an array against an object");
        }
        return diff(asObject(original), asObject(modified));
    }

    /** {@link #createThreeWay(JsonNode, JsonNode, JsonNode, List)} with kubectl's {@link Precondition#KUBECTL}. */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current) {
        return createThreeWay(original, modified, current, Precondition.KUBECTL);
    }

    /**
     * The patch kubectl apply sends for an object without strategic merge metadata: what {@code modified}
     * (the new manifest) adds or changes relative to {@code current} (the live object), plus the deletions of
     * fields that {@code original} (the last applied manifest) had and {@code modified} dropped. Null or
     * missing inputs count as {@code {}}.
     *
     * @throws MergeConflictException      when a field would be both changed and deleted
     * @throws PreconditionFailedException when the patch breaks one of {@code preconditions}
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current,
            List<Precondition> preconditions) {
        ObjectNode addAndChange = keepOrDeleteNull(objectPatch(createTwoWay(orEmpty(current), orEmpty(modified))),
                false);
        ObjectNode deletions = keepOrDeleteNull(objectPatch(createTwoWay(orEmpty(original), orEmpty(modified))),
                true);
        if (hasConflicts(addAndChange, deletions)) {
            throw new MergeConflictException(addAndChange, deletions);
        }
        ObjectNode patch = (ObjectNode) apply(deletions, addAndChange);
        for (Precondition precondition : preconditions) {
            if (!precondition.test(patch)) {
                throw new PreconditionFailedException(patch);
            }
        }
        return patch;
    }

    /**
     * apimachinery's {@code keepOrDeleteNullInObj}. With {@code keepNull} only the null members (the deletions)
     * remain, otherwise everything but them. Objects are filtered recursively and dropped when nothing is left;
     * an explicit empty object is a value, kept only without {@code keepNull}; arrays are values, kept whole.
     */
    public static ObjectNode keepOrDeleteNull(ObjectNode object, boolean keepNull) {
        ObjectNode filtered = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                if (keepNull) {
                    filtered.putNull(field.getKey());
                }
            } else if (value.isObject()) {
                if (value.isEmpty()) {
                    if (!keepNull) {
                        filtered.set(field.getKey(), value.deepCopy());
                    }
                } else {
                    ObjectNode sub = keepOrDeleteNull((ObjectNode) value, keepNull);
                    if (!sub.isEmpty()) {
                        filtered.set(field.getKey(), sub);
                    }
                }
            } else if (!keepNull) {
                filtered.set(field.getKey(), value.deepCopy());
            }
        }
        return filtered;
    }

    /** evanphx's {@code mergeDocs} without merge-of-merges: a null member deletes, other members merge in. */
    private static void mergeInto(ObjectNode doc, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = doc.get(key);
            if (value.isNull()) {
                doc.remove(key);
            } else if (current == null || current.isNull()) {
                doc.set(key, pruneNulls(value));
            } else {
                doc.set(key, merge(current, value));
            }
        }
    }

    /** A patch value replaces a non-object target after losing its nulls, but a non-object value keeps them. */
    private static JsonNode merge(JsonNode current, JsonNode patch) {
        if (!current.isObject()) {
            return pruneNulls(patch);
        }
        if (!patch.isObject()) {
            return patch;
        }
        mergeInto((ObjectNode) current, (ObjectNode) patch);
        return current;
    }

    /** Drops null members of objects at any depth, also inside arrays; null array items stay. */
    private static JsonNode pruneNulls(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    pruneNulls(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(JsonMergePatch::pruneNulls);
        }
        return node;
    }

    /** evanphx's {@code getDiff}: members of {@code b} that differ from {@code a}, then deletions as null. */
    private static ObjectNode diff(ObjectNode a, ObjectNode b) {
        ObjectNode into = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = b.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode bv = field.getValue();
            JsonNode av = a.get(key);
            if (av == null || av.getNodeType() != bv.getNodeType()) {
                into.set(key, bv.deepCopy());
            } else if (av.isObject()) {
                ObjectNode sub = diff((ObjectNode) av, (ObjectNode) bv);
                if (!sub.isEmpty()) {
                    into.set(key, sub);
                }
            } else if (!JsonValues.equal(av, bv)) {
                into.set(key, bv.deepCopy());
            }
        }
        for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!b.has(key)) {
                into.putNull(key);
            }
        }
        return into;
    }

    /** apimachinery's {@code mergepatch.HasConflicts}: the same key with different values on both sides. */
    static boolean hasConflicts(JsonNode left, JsonNode right) {
        if (left.isObject()) {
            if (!right.isObject()) {
                return true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = left.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = right.get(field.getKey());
                if (other != null && hasConflicts(field.getValue(), other)) {
                    return true;
                }
            }
            return false;
        }
        if (left.isArray()) {
            if (!right.isArray() || left.size() != right.size()) {
                return true;
            }
            for (int i = 0; i < left.size(); i++) {
                if (hasConflicts(left.get(i), right.get(i))) {
                    return true;
                }
            }
            return false;
        }
        return !JsonValues.equal(left, right);
    }

    private static ObjectNode asObject(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!node.isObject()) {
            throw new PatchException("invalid JSON document: expected an object, not " + node);
        }
        return (ObjectNode) node;
    }

    private static JsonNode orEmpty(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? NODES.objectNode() : node;
    }

    private static ObjectNode objectPatch(JsonNode patch) {
        if (!patch.isObject()) {
            throw new PatchException("a three-way JSON merge patch needs objects, not arrays");
        }
        return (ObjectNode) patch;
    }
}
