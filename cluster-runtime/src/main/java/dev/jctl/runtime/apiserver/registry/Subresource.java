package dev.jctl.runtime.apiserver.registry;

import java.util.List;

/** A subresource as discovery advertises it: {@code status}, {@code scale}, ... and the kind it answers with. */
public record Subresource(String name, String group, String version, String kind, List<String> verbs) {
    public static final List<String> GET_PATCH_UPDATE = List.of("get", "patch", "update");

    public static Subresource status(String group, String version, String kind) {
        return new Subresource("status", group, version, kind, GET_PATCH_UPDATE);
    }

    /** autoscaling/v1 Scale, the kind every built-in scale subresource speaks. */
    public static Subresource scale() {
        return new Subresource("scale", "autoscaling", "v1", "Scale", GET_PATCH_UPDATE);
    }
}
