package dev.jctl.diff.jsonmerge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A check on a computed patch that refuses changes apply must never make (apimachinery's
 * {@code mergepatch.PreconditionFunc}). The presence of a key in a merge patch means its value changes.
 */
@FunctionalInterface
public interface Precondition {

    /** Whether the patch is acceptable. */
    boolean test(ObjectNode patch);

    /** What kubectl apply passes: the object's identity (apiVersion, kind, metadata.name) must not change. */
    List<Precondition> KUBECTL = List.of(requireKeyUnchanged("apiVersion"), requireKeyUnchanged("kind"),
            requireMetadataKeyUnchanged("name"));

    /** Fails when the patch sets or deletes the top-level {@code key}. */
    static Precondition requireKeyUnchanged(String key) {
        return patch -> !patch.has(key);
    }

    /** Fails when the patch sets or deletes {@code metadata.<key>}. */
    static Precondition requireMetadataKeyUnchanged(String key) {
        return patch -> {
            JsonNode metadata = patch.get("metadata");
            return metadata == null || !metadata.isObject() || !metadata.has(key);
        };
    }
}
