package dev.jctl.diff.jsonpatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.json.JsonValues;
import java.util.Iterator;
import java.util.Map;

/**
 * Computes a JSON Patch between two documents: members are added, removed or diffed recursively; arrays keep
 * their common head and tail, diff the items that line up and add or remove the rest.
 */
final class PatchBuilder {
    private final ArrayNode patch;

    PatchBuilder(ArrayNode patch) {
        this.patch = patch;
    }

    void diff(String path, JsonNode source, JsonNode target) {
        if (JsonValues.equal(source, target)) {
            return;
        }
        if (source.isObject() && target.isObject()) {
            diffObjects(path, source, target);
        } else if (source.isArray() && target.isArray()) {
            diffArrays(path, source, target);
        } else {
            operation("replace", path).set("value", target.deepCopy());
        }
    }

    private void diffObjects(String path, JsonNode source, JsonNode target) {
        for (Iterator<String> names = source.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!target.has(name)) {
                operation("remove", path + "/" + Pointer.escape(name));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = target.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "/" + Pointer.escape(field.getKey());
            JsonNode before = source.get(field.getKey());
            if (before == null) {
                operation("add", child).set("value", field.getValue().deepCopy());
            } else {
                diff(child, before, field.getValue());
            }
        }
    }

    private void diffArrays(String path, JsonNode source, JsonNode target) {
        int head = 0;
        while (head < source.size() && head < target.size()
                && JsonValues.equal(source.get(head), target.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < source.size() - head && tail < target.size() - head
                && JsonValues.equal(source.get(source.size() - 1 - tail), target.get(target.size() - 1 - tail))) {
            tail++;
        }
        int sourceEnd = source.size() - tail;
        int targetEnd = target.size() - tail;
        int paired = Math.min(sourceEnd, targetEnd) - head;
        for (int i = head; i < head + paired; i++) {
            diff(path + "/" + i, source.get(i), target.get(i));
        }
        // Removing at the same index repeatedly takes out the surplus items; inserting in order adds the missing.
        for (int i = head + paired; i < sourceEnd; i++) {
            operation("remove", path + "/" + (head + paired));
        }
        for (int i = head + paired; i < targetEnd; i++) {
            operation("add", path + "/" + i).set("value", target.get(i).deepCopy());
        }
    }

    private ObjectNode operation(String op, String path) {
        return patch.addObject().put("op", op).put("path", path);
    }
}
