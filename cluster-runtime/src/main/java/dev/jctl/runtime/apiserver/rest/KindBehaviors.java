package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The strategies of individual built-in kinds that kubectl users see, run before validation: upstream's
 * PrepareForCreate and PrepareForUpdate.
 */
final class KindBehaviors {
    private KindBehaviors() {
    }

    static void prepareForCreate(KindInfo kind, ObjectNode object) {
        if (kind.hasStatus() && !isNode(kind)) {
            // status is written by controllers through /status; what a client sends on create is dropped - except
            // for a Node, which its kubelet registers complete with capacity, addresses and conditions
            object.remove("status");
        }
        if (!kind.group().isEmpty()) {
            return;
        }
        switch (kind.kind()) {
            case "Namespace" -> {
                String name = Json.metadata(object).path("name").asText();
                Json.metadata(object).withObjectProperty("labels").put("kubernetes.io/metadata.name", name);
                object.withObjectProperty("spec").putArray("finalizers").add("kubernetes");
                object.putObject("status").put("phase", "Active");
            }
            case "Pod" -> object.putObject("status").put("phase", "Pending");
            case "Secret" -> {
                foldStringData(object);
                if (!object.hasNonNull("type")) {
                    object.put("type", "Opaque");
                }
            }
            default -> {
            }
        }
    }

    /** An update of the main resource; {@code old} is the stored object. */
    static void prepareForUpdate(KindInfo kind, ObjectNode object, ObjectNode old) {
        if (kind.group().isEmpty() && kind.kind().equals("Service")) {
            ServiceTypeFields.dropUnused(object.withObjectProperty("spec"), old.path("spec"));
        }
    }

    private static boolean isNode(KindInfo kind) {
        return kind.group().isEmpty() && kind.kind().equals("Node");
    }

    /** Secret stringData is write-only: merged into data, base64-encoded, as the v1 conversion does. */
    static void foldStringData(ObjectNode secret) {
        JsonNode stringData = secret.remove("stringData");
        if (stringData == null || !stringData.isObject()) {
            return;
        }
        ObjectNode data = secret.withObjectProperty("data");
        for (Map.Entry<String, JsonNode> field : stringData.properties()) {
            data.put(field.getKey(), Base64.getEncoder().encodeToString(
                    field.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
