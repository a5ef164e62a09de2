package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a composed YAML node graph into a Jackson tree. Working on nodes rather than constructed Java objects
 * keeps the position of every key, so duplicate keys are reported where they are written, and keeps the
 * scalar text, so numbers keep their exact value.
 */
final class TreeBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    /**
     * Null: a repeated key is an error. Otherwise keys may repeat, the last value winning, as go-yaml's non-strict
     * decoding has it, and what its strict decoding says of each repeat is added here.
     */
    private final List<String> repeatedKeys;

    TreeBuilder(String source) {
        this(source, null);
    }

    TreeBuilder(String source, List<String> repeatedKeys) {
        this.source = source;
        this.repeatedKeys = repeatedKeys;
    }

    JsonNode build(Node node) {
        if (node.isRecursive()) {
            throw error(node, "recursive alias: a node cannot contain itself");
        }
        if (node instanceof ScalarNode scalar) {
            try {
                return KubeYamlSchema.toJson(scalar);
            } catch (IllegalArgumentException e) {
                throw error(node, e.getMessage());
            }
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                array.add(build(item));
            }
            return array;
        }
        return object((MappingNode) node);
    }

    /**
     * Merge keys ({@code <<}) are already flattened here: the schema resolves them to {@code !!merge} and
     * SnakeYAML's composer then folds the merged mappings in, explicit keys first.
     */
    private ObjectNode object(MappingNode mapping) {
        ObjectNode object = NODES.objectNode();
        Set<JsonNode> keys = repeatedKeys == null ? null : new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw error(keyNode, "a mapping key must be a scalar, not a " + Positions.describe(keyNode));
            }
            String name = key.getValue();
            if (repeatedKeys == null) {
                if (object.has(name)) {
                    throw error(keyNode, "duplicate key \"" + name + "\"");
                }
                object.set(name, build(tuple.getValueNode()));
                continue;
            }
            // go-yaml decodes the value before it finds the key taken, so a value's own repeats come first, and it
            // names the line where the value starts; keys are the same when they resolve to the same value
            JsonNode value = build(tuple.getValueNode());
            JsonNode resolved = build(key);
            if (!keys.add(resolved)) {
                repeatedKeys.add("line " + Positions.line(tuple.getValueNode()) + ": key " + goSyntax(resolved)
                        + " already set in map");
            }
            object.set(name, value);
        }
        return object;
    }

    /** Go's {@code %#v} of a decoded YAML key. */
    private static String goSyntax(JsonNode key) {
        if (key.isTextual()) {
            return GoStrings.quote(key.asText());
        }
        return key.isNull() ? "<nil>" : key.asText();
    }

    private ManifestException error(Node node, String reason) {
        return Positions.error(source, node, reason);
    }
}
