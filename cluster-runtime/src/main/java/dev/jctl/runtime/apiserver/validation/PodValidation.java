package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a pod spec needs before anything can run it (apis/core/validation validateContainers): at least one
 * container, each with a name and an image. Used for Pods and for the pod templates of workloads.
 */
final class PodValidation {
    private PodValidation() {
    }

    static void podSpec(JsonNode spec, String path, Causes causes) {
        JsonNode containers = spec.path("containers");
        if (!containers.isArray() || containers.isEmpty()) {
            causes.required(path + ".containers");
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode container = containers.get(i);
            String at = path + ".containers[" + i + "]";
            if (container.path("name").asText("").isEmpty()) {
                causes.required(at + ".name");
            }
            if (container.path("image").asText("").isEmpty()) {
                causes.required(at + ".image");
            }
        }
    }
}
