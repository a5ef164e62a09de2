package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import java.util.Arrays;
import java.util.List;

/**
 * The patch metadata an OpenAPI property declares: {@code x-kubernetes-patch-strategy} (a comma-separated list)
 * and {@code x-kubernetes-patch-merge-key}. Optionally, for schemas that only declare list semantics (custom
 * resources publish no patch extensions), {@code x-kubernetes-list-type} stands in: {@code set} merges like
 * {@code patchStrategy=merge}, {@code map} with a single {@code x-kubernetes-list-map-keys} entry merges on that
 * key. kubectl itself reads only the patch extensions, so that reading is opt-in.
 */
record PatchExtensions(List<String> strategies, String mergeKey) {
    static final String PATCH_STRATEGY = "x-kubernetes-patch-strategy";
    static final String PATCH_MERGE_KEY = "x-kubernetes-patch-merge-key";
    private static final PatchExtensions NONE = new PatchExtensions(List.of(), "");

    static PatchExtensions of(JsonNode property, boolean listTypes) {
        if (property == null) {
            return NONE;
        }
        JsonNode strategy = property.get(PATCH_STRATEGY);
        JsonNode mergeKey = property.get(PATCH_MERGE_KEY);
        if (strategy == null && mergeKey == null) {
            return listTypes ? fromListType(property) : NONE;
        }
        List<String> strategies = List.of();
        if (strategy != null) {
            strategies = Arrays.asList(text(strategy).split(",", -1));
        }
        return new PatchExtensions(strategies, mergeKey == null ? "" : text(mergeKey));
    }

    private static PatchExtensions fromListType(JsonNode property) {
        String listType = property.path("x-kubernetes-list-type").asText("");
        JsonNode keys = property.path("x-kubernetes-list-map-keys");
        if (listType.equals("set")) {
            return new PatchExtensions(List.of(Directives.MERGE), "");
        }
        if (listType.equals("map") && keys.isArray() && keys.size() == 1) {
            return new PatchExtensions(List.of(Directives.MERGE), keys.get(0).asText());
        }
        return NONE;
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw new PatchException("expected a string, but received a " + GoValue.typeName(GoValue.fromJson(value)));
        }
        return value.textValue();
    }
}
