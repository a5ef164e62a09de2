package dev.jctl.diff.io;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Where composed YAML nodes start, in the 1-based terms people read; 0 when SnakeYAML kept no mark. */
final class Positions {
    private Positions() {
    }

    static int line(Node node) {
        return line(node.getStartMark());
    }

    static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    static int column(Optional<Mark> mark) {
        return mark.map(m -> m.getColumn() + 1).orElse(0);
    }

    static ManifestException error(String source, Node node, String reason) {
        return new ManifestException(source, line(node), column(node.getStartMark()), reason);
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "mapping";
        }
        return node instanceof SequenceNode ? "sequence" : "scalar";
    }
}
