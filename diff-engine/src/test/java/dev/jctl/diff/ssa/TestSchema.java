package dev.jctl.diff.ssa;

import java.util.List;
import java.util.Map;

/** A hand-written schema for tests: declared fields, free-form map values, list identity and atomicity. */
record TestSchema(Map<String, Schema> fields, Schema values, boolean atomicMap, ListType listType,
                  List<String> listKeys, Schema items) implements Schema {

    static TestSchema struct(Map<String, Schema> fields) {
        return new TestSchema(fields, UNTYPED, false, ListType.ATOMIC, List.of(), UNTYPED);
    }

    static TestSchema atomicStruct() {
        return new TestSchema(Map.of(), UNTYPED, true, ListType.ATOMIC, List.of(), UNTYPED);
    }

    static TestSchema mapList(Schema items, String... keys) {
        return new TestSchema(Map.of(), UNTYPED, false, ListType.MAP, List.of(keys), items);
    }

    static TestSchema setList() {
        return new TestSchema(Map.of(), UNTYPED, false, ListType.SET, List.of(), UNTYPED);
    }

    @Override
    public Schema field(String name) {
        return fields.getOrDefault(name, values);
    }

    @Override
    public boolean declares(String name) {
        return fields.containsKey(name);
    }

    /** A Deployment-like shape: containers keyed by name, ports by containerPort, an atomic selector. */
    static Schema deployment() {
        Schema container = struct(Map.of("name", UNTYPED, "image", UNTYPED,
                "ports", mapList(struct(Map.of("containerPort", UNTYPED, "protocol", UNTYPED)), "containerPort"),
                "args", UNTYPED));
        Schema podSpec = struct(Map.of("containers", mapList(container, "name")));
        Schema meta = struct(Map.of("name", UNTYPED, "labels", UNTYPED, "finalizers", setList()));
        Schema template = struct(Map.of("metadata", meta, "spec", podSpec));
        Schema spec = struct(Map.of("replicas", UNTYPED, "selector", atomicStruct(), "template", template));
        return struct(Map.of("apiVersion", UNTYPED, "kind", UNTYPED, "metadata", meta, "spec", spec));
    }
}
