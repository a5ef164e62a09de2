package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** kubectl apply's {@code pruneNullsFromMap}: null members of objects removed, at any depth (array items kept). */
final class Nulls {
    private Nulls() {
    }

    static JsonNode pruned(JsonNode node) {
        JsonNode copy = node.deepCopy();
        prune(copy);
        return copy;
    }

    private static void prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    prune(e.getValue());
                }
            }
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(Nulls::prune);
        }
    }
}
