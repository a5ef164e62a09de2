package dev.jctl.diff.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * YAML (and so JSON) text to Jackson trees, with kubectl's scalar rules (see {@link KubeYamlSchema}): integers
 * stay integers of any size, floats stay floats, quoted text stays text, key order is kept, duplicate keys are
 * errors. No Kubernetes checks here; {@link ManifestReader} adds those.
 */
public final class Yaml {
    /** Large enough for generated CRD bundles; SnakeYAML's default (3 MB) is not. */
    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    /**
     * {@link TreeBuilder} checks keys (duplicates, non-scalar keys) where it can name their position; SnakeYAML's
     * duplicate check only runs when it constructs objects, and its non-scalar key error has no position.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(KubeYamlSchema.INSTANCE)
            .setAllowNonScalarKeys(true)
            .setCodePointLimit(MAX_CODE_POINTS)
            .build();

    private Yaml() {
    }

    /** The one document in {@code text}; an empty text gives JSON {@code null}. */
    public static JsonNode parseTree(String text) {
        return single(documents("<input>", new StringReader(text)));
    }

    /**
     * {@code text} decoded as kube-apiserver decodes an apply patch: go-yaml without strictness, so a repeated key
     * keeps its last value. {@link Lenient#repeatedKeys} is what go-yaml's strict decoding reports instead, in its
     * words and order ({@code line 7: key "replicas" already set in map}).
     */
    public static Lenient parseLenient(String text) {
        List<String> repeatedKeys = new ArrayList<>();
        JsonNode tree = single(documents("<input>", new StringReader(text), new TreeBuilder("<input>", repeatedKeys)));
        return new Lenient(tree, List.copyOf(repeatedKeys));
    }

    private static JsonNode single(List<Document> documents) {
        if (documents.size() > 1) {
            throw new ManifestException("<input>", documents.get(1).line(), 0,
                    "expected one YAML document, found " + documents.size());
        }
        return documents.isEmpty() ? NullNode.getInstance() : documents.get(0).tree();
    }

    /** A document decoded by {@link #parseLenient}, with the repeated keys a strict decoding refuses. */
    public record Lenient(JsonNode tree, List<String> repeatedKeys) {
    }

    /** Every document of a stream, empty ones included (as JSON {@code null}). */
    public static List<JsonNode> parseAll(String sourceName, String text) {
        return documents(sourceName, new StringReader(text)).stream().map(Document::tree).toList();
    }

    /** A parsed document: the tree, the composed node it came from (for positions) and its 1-based line. */
    record Document(JsonNode tree, Node node, int line) {
        boolean isEmpty() {
            return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
        }
    }

    static List<Document> documents(String sourceName, Reader reader) {
        return documents(sourceName, reader, new TreeBuilder(sourceName));
    }

    private static List<Document> documents(String sourceName, Reader reader, TreeBuilder builder) {
        List<Document> documents = new ArrayList<>();
        try {
            for (Node node : new Compose(SETTINGS).composeAllFromReader(reader)) {
                documents.add(new Document(builder.build(node), node, Positions.line(node)));
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String reason = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && !e.getContext().isBlank()) {
                reason = e.getContext() + ": " + reason;
            }
            throw new ManifestException(sourceName, Positions.line(mark), Positions.column(mark), reason, e);
        } catch (YamlEngineException e) {
            throw new ManifestException(sourceName, 0, 0, e.getMessage(), e);
        }
        return documents;
    }
}
