package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads Kubernetes manifests from YAML or JSON streams, like {@code kubectl apply -f}: several documents per
 * stream, empty documents skipped, {@code kind: List} (and every {@code *List} with {@code items}) flattened
 * into its items, and every object checked for {@code apiVersion}, {@code kind} and {@code metadata.name}
 * (or {@code metadata.generateName}). Errors carry {@code source:line:column}.
 */
public final class ManifestReader {

    public List<Manifest> read(String sourceName, String text) {
        return read(sourceName, new StringReader(text));
    }

    public List<Manifest> read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(path.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads the stream as UTF-8; the caller closes it. */
    public List<Manifest> read(String sourceName, InputStream in) {
        return read(sourceName, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private List<Manifest> read(String sourceName, Reader reader) {
        List<Yaml.Document> documents = Yaml.documents(sourceName, reader);
        List<Manifest> manifests = new ArrayList<>();
        for (int index = 0; index < documents.size(); index++) {
            Yaml.Document document = documents.get(index);
            if (!document.isEmpty()) {
                collect(sourceName, document.node(), document.tree(), index, manifests);
            }
        }
        return manifests;
    }

    private static void collect(String source, Node node, JsonNode tree, int documentIndex, List<Manifest> out) {
        if (!(tree instanceof ObjectNode object)) {
            throw Positions.error(source, node,
                    "a manifest must be a mapping, found a " + Positions.describe(node));
        }
        requireText(source, node, object, "apiVersion");
        requireText(source, node, object, "kind");
        if (isList(object)) {
            List<Node> itemNodes = itemNodes(node);
            JsonNode items = object.get("items");
            for (int i = 0; i < items.size(); i++) {
                collect(source, itemNodes.get(i), items.get(i), documentIndex, out);
            }
            return;
        }
        requireName(source, node, object);
        out.add(new Manifest(object, source, documentIndex, Positions.line(node)));
    }

    private static boolean isList(ObjectNode object) {
        return object.get("kind").asText().endsWith("List") && object.path("items").isArray();
    }

    /** The item nodes, for their positions ({@code items} is a sequence: the tree says it is an array). */
    private static List<Node> itemNodes(Node listNode) {
        return ((SequenceNode) valueNode(listNode, "items")).getValue();
    }

    private static void requireText(String source, Node node, ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw Positions.error(source, node, "missing \"" + field + "\"");
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw Positions.error(source, at(node, field), "\"" + field + "\" must be a non-empty string");
        }
    }

    private static void requireName(String source, Node node, ObjectNode object) {
        JsonNode metadata = object.get("metadata");
        if (metadata == null || metadata.isNull()) {
            throw Positions.error(source, node, "missing \"metadata.name\"");
        }
        Node metadataNode = at(node, "metadata");
        if (!metadata.isObject()) {
            throw Positions.error(source, metadataNode, "\"metadata\" must be a mapping");
        }
        for (String field : List.of("name", "generateName")) {
            JsonNode value = metadata.get(field);
            if (value != null && !value.isNull()) {
                if (!value.isTextual() || value.asText().isEmpty()) {
                    throw Positions.error(source, at(metadataNode, field),
                            "\"metadata." + field + "\" must be a non-empty string");
                }
                return;
            }
        }
        throw Positions.error(source, metadataNode, "missing \"metadata.name\" (or \"metadata.generateName\")");
    }

    /** The value node of {@code key}, or the mapping itself when there is none. */
    private static Node at(Node mapping, String key) {
        Node value = valueNode(mapping, key);
        return value != null ? value : mapping;
    }

    private static Node valueNode(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }
}
