package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.JsonWriter;

/**
 * The {@code kubectl.kubernetes.io/last-applied-configuration} annotation, computed as kubectl's
 * {@code util.GetModifiedConfiguration} and {@code CreateApplyAnnotation} do: the manifest (namespace filled in)
 * without the annotation itself, {@code metadata.annotations} present even when empty, as compact Go JSON.
 */
public final class LastAppliedConfiguration {
    public static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

    private LastAppliedConfiguration() {
    }

    /** The annotation value for a manifest: what a later apply will compare against. */
    public static String of(ObjectNode manifest) {
        return JsonWriter.marshal(withAnnotation(manifest, null)) + "\n";
    }

    /**
     * The "modified" document of a three-way patch: the manifest carrying its own last-applied annotation, so
     * that the patch also updates the annotation.
     */
    public static ObjectNode modified(ObjectNode manifest) {
        return withAnnotation(manifest, of(manifest));
    }

    /** kubectl's GetModifiedConfiguration without annotating: the manifest minus any last-applied annotation. */
    public static ObjectNode unannotated(ObjectNode manifest) {
        return withAnnotation(manifest, null);
    }

    /** The annotation of a live object, or null when it has none. */
    public static String original(JsonNode live) {
        JsonNode value = live.path("metadata").path("annotations").get(ANNOTATION);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** A copy of {@code manifest} whose annotations are its own, minus any last-applied one, plus {@code value}. */
    private static ObjectNode withAnnotation(ObjectNode manifest, String value) {
        ObjectNode copy = manifest.deepCopy();
        JsonNode metadataNode = copy.get("metadata");
        ObjectNode metadata = metadataNode instanceof ObjectNode m ? m : copy.putObject("metadata");
        JsonNode existing = metadata.get("annotations");
        // GetAnnotations yields nothing for a non-map value and SetAnnotations then writes a map, so a null or
        // malformed annotations field becomes {} like in kubectl.
        ObjectNode annotations = existing instanceof ObjectNode a ? a : metadata.putObject("annotations");
        annotations.remove(ANNOTATION);
        if (value != null) {
            annotations.put(ANNOTATION, value);
        }
        return copy;
    }
}
