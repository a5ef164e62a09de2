package dev.jctl.diff.smp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Kubernetes strategic merge patch, reproducing {@code k8s.io/apimachinery/pkg/util/strategicpatch}: the same
 * patches, the same results and the same errors for the same inputs. Inputs are never modified; a missing or
 * null document counts as {@code {}}.
 */
public final class StrategicMergePatch {
    private StrategicMergePatch() {}

    /** Applies {@code patch} to {@code original} (StrategicMergePatch). */
    public static JsonNode apply(JsonNode original, JsonNode patch, PatchMeta schema) {
        Map<String, Object> result = PatchApplier.mergeMap(decode(original), decode(patch), schema,
                PatchApplier.Options.APPLY);
        return GoValue.toJson(result);
    }

    /** The patch that turns {@code original} into {@code modified} (CreateTwoWayMergePatch). */
    public static ObjectNode createTwoWay(JsonNode original, JsonNode modified, PatchMeta schema) {
        Map<String, Object> patch = PatchDiffer.diffMaps(decode(original), decode(modified), schema,
                PatchDiffer.Options.TWO_WAY);
        return (ObjectNode) GoValue.toJson(patch);
    }

    /**
     * The patch that takes the live object {@code current} to {@code modified} while deleting only what
     * disappeared between {@code original} (the last applied configuration) and {@code modified}
     * (CreateThreeWayMergePatch).
     *
     * @throws ConflictException when {@code overwrite} is false and the patch changes a field that was changed
     *     differently on the server since {@code original}
     */
    public static ObjectNode createThreeWay(JsonNode original, JsonNode modified, JsonNode current, PatchMeta schema,
                                            boolean overwrite) {
        Map<String, Object> originalMap = decode(original);
        Map<String, Object> modifiedMap = decode(modified);
        Map<String, Object> currentMap = decode(current);

        // Additions and changes come from current→modified, deletions from original→modified; merging the
        // second patch into the first is strictly additive.
        Map<String, Object> delta = PatchDiffer.diffMaps(currentMap, modifiedMap, schema,
                PatchDiffer.Options.ADDITIONS_AND_CHANGES);
        Map<String, Object> deletions = PatchDiffer.diffMaps(originalMap, modifiedMap, schema,
                PatchDiffer.Options.DELETIONS);
        Map<String, Object> patch = PatchApplier.mergeMap(deletions, delta, schema,
                PatchApplier.Options.MERGE_PATCHES);

        if (!overwrite) {
            Map<String, Object> changed = PatchDiffer.diffMaps(originalMap, currentMap, schema,
                    PatchDiffer.Options.ALL_CHANGES);
            if (ConflictDetector.mapsConflict(patch, changed, schema)) {
                throw new ConflictException("patch:\n" + yaml(patch)
                        + "\nconflicts with changes made from original to current:\n" + yaml(changed) + "\n");
            }
        }
        return (ObjectNode) GoValue.toJson(patch);
    }

    private static Map<String, Object> decode(JsonNode document) {
        Object decoded = GoValue.fromJson(document);
        if (decoded == null) {
            return new LinkedHashMap<>();
        }
        if (!(decoded instanceof Map)) {
            throw Errors.badJsonDoc();
        }
        return GoValue.asMap(decoded);
    }

    private static String yaml(Map<String, Object> value) {
        try {
            return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
                    .dumpToString(GoValue.toPlain(value));
        } catch (RuntimeException e) {
            throw new PatchException("yaml marshal failed: " + e.getMessage(), e);
        }
    }
}
