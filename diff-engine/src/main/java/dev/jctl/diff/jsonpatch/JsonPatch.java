package dev.jctl.diff.jsonpatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON Patch (RFC 6902): apply a list of operations, or create one that turns a document into another.
 *
 * <p>Written here rather than taken from zjsonpatch: zjsonpatch 0.4.16 decodes {@code ~01} in pointers as
 * {@code /} and lets {@code remove} of a missing member pass by default, so it fails the public suite.
 */
public final class JsonPatch {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]*");

    private JsonPatch() {
    }

    /**
     * Applies {@code patch} (a JSON array of operations) to a copy of {@code doc}. All or nothing: on a failing
     * operation, including a failed {@code test}, a {@link PatchException} names the operation and the reason.
     */
    public static JsonNode apply(JsonNode doc, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw new PatchException("a JSON patch must be an array of operations");
        }
        JsonNode root = doc.deepCopy();
        for (int i = 0; i < patch.size(); i++) {
            JsonNode operation = patch.get(i);
            try {
                root = applyOperation(root, operation);
            } catch (IllegalArgumentException e) {
                throw new PatchException("JSON patch operation " + i + " " + operation + ": " + e.getMessage(), e);
            }
        }
        return root;
    }

    /** A patch of add, remove and replace operations that {@link #apply}s {@code source} into {@code target}. */
    public static ArrayNode create(JsonNode source, JsonNode target) {
        ArrayNode patch = NODES.arrayNode();
        new PatchBuilder(patch).diff("", source, target);
        return patch;
    }

    private static JsonNode applyOperation(JsonNode root, JsonNode operation) {
        if (!operation.isObject()) {
            throw new IllegalArgumentException("an operation must be an object");
        }
        String op = requiredText(operation, "op");
        Pointer path = Pointer.parse(requiredText(operation, "path"));
        return switch (op) {
            case "add" -> add(root, path, requiredValue(operation).deepCopy());
            case "remove" -> remove(root, path);
            case "replace" -> replace(root, path, requiredValue(operation).deepCopy());
            case "move" -> move(root, Pointer.parse(requiredText(operation, "from")), path);
            case "copy" -> add(root, path, get(root, Pointer.parse(requiredText(operation, "from"))).deepCopy());
            case "test" -> test(root, path, requiredValue(operation));
            default -> throw new IllegalArgumentException("unknown operation \"" + op + "\"");
        };
    }

    private static JsonNode add(JsonNode root, Pointer path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        JsonNode parent = container(root, path);
        if (parent instanceof ObjectNode object) {
            object.set(path.last(), value);
        } else {
            ArrayNode array = (ArrayNode) parent;
            if (path.last().equals("-")) {
                array.add(value);
            } else {
                array.insert(index(array, path, array.size()), value);
            }
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, Pointer path) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("cannot remove the whole document");
        }
        JsonNode parent = container(root, path);
        if (parent instanceof ObjectNode object) {
            if (!object.has(path.last())) {
                throw new IllegalArgumentException("path " + path + " does not exist");
            }
            object.remove(path.last());
        } else {
            ArrayNode array = (ArrayNode) parent;
            array.remove(index(array, path, array.size() - 1));
        }
        return root;
    }

    private static JsonNode replace(JsonNode root, Pointer path, JsonNode value) {
        if (path.isRoot()) {
            return value;
        }
        JsonNode parent = container(root, path);
        if (parent instanceof ObjectNode object) {
            if (!object.has(path.last())) {
                throw new IllegalArgumentException("path " + path + " does not exist");
            }
            object.set(path.last(), value);
        } else {
            ArrayNode array = (ArrayNode) parent;
            array.set(index(array, path, array.size() - 1), value);
        }
        return root;
    }

    private static JsonNode move(JsonNode root, Pointer from, Pointer path) {
        if (from.isProperPrefixOf(path)) {
            throw new IllegalArgumentException("cannot move " + from + " into its own child " + path);
        }
        JsonNode value = get(root, from);
        if (from.tokens().equals(path.tokens())) {
            return root;
        }
        return add(remove(root, from), path, value);
    }

    private static JsonNode test(JsonNode root, Pointer path, JsonNode expected) {
        JsonNode actual = get(root, path);
        if (!JsonValues.equal(actual, expected)) {
            throw new IllegalArgumentException("test failed: " + path + " is " + actual + ", not " + expected);
        }
        return root;
    }

    /** The value at {@code path}, which must exist. */
    private static JsonNode get(JsonNode root, Pointer path) {
        return walk(root, path, path.tokens());
    }

    /** The object or array that holds the last token of {@code path}. */
    private static JsonNode container(JsonNode root, Pointer path) {
        JsonNode parent = walk(root, path, path.parentTokens());
        if (!parent.isContainerNode()) {
            throw new IllegalArgumentException("path " + path + " goes through a " + parent.getNodeType()
                    .toString().toLowerCase() + ", not an object or array");
        }
        return parent;
    }

    private static JsonNode walk(JsonNode root, Pointer path, List<String> tokens) {
        JsonNode node = root;
        for (String token : tokens) {
            JsonNode child;
            if (node.isObject()) {
                child = node.get(token);
            } else if (node.isArray()) {
                child = node.get(index((ArrayNode) node, path, token, node.size() - 1));
            } else {
                child = null;
            }
            if (child == null) {
                throw new IllegalArgumentException("path " + path + " does not exist");
            }
            node = child;
        }
        return node;
    }

    private static int index(ArrayNode array, Pointer path, int max) {
        return index(array, path, path.last(), max);
    }

    private static int index(ArrayNode array, Pointer path, String token, int max) {
        if (!ARRAY_INDEX.matcher(token).matches()) {
            throw new IllegalArgumentException("\"" + token + "\" in " + path + " is not an array index");
        }
        int index;
        try {
            index = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            index = Integer.MAX_VALUE;
        }
        if (index > max) {
            throw new IllegalArgumentException("index " + token + " in " + path + " is out of bounds (array size "
                    + array.size() + ")");
        }
        return index;
    }

    private static String requiredText(JsonNode operation, String member) {
        JsonNode value = operation.get(member);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing string member \"" + member + "\"");
        }
        return value.asText();
    }

    private static JsonNode requiredValue(JsonNode operation) {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw new IllegalArgumentException("missing member \"value\"");
        }
        return value;
    }
}
