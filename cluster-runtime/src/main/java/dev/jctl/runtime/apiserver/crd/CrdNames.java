package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;

import java.util.ArrayList;
import java.util.List;

/** spec.names of a CRD with upstream's defaults: singular is the lowercased kind, listKind the kind + "List". */
record CrdNames(String plural, String singular, String kind, String listKind, List<String> shortNames,
                List<String> categories) {

    static CrdNames of(JsonNode spec) {
        JsonNode names = spec.path("names");
        String kind = names.path("kind").asText("");
        String singular = names.path("singular").asText("");
        String listKind = names.path("listKind").asText("");
        return new CrdNames(names.path("plural").asText(""), singular.isEmpty() ? kind.toLowerCase() : singular,
                kind, listKind.isEmpty() ? kind + "List" : listKind, strings(names.path("shortNames")),
                strings(names.path("categories")));
    }

    /** status.acceptedNames as the naming controller writes it. */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("kind", kind).put("listKind", listKind).put("plural", plural).put("singular", singular);
        if (!shortNames.isEmpty()) {
            shortNames.forEach(node.putArray("shortNames")::add);
        }
        if (!categories.isEmpty()) {
            categories.forEach(node.putArray("categories")::add);
        }
        return node;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return List.copyOf(out);
    }
}
