package dev.jctl.diff.ssa;

import java.util.List;

/**
 * What field-set computation and merging need to know about a type, looked up lazily as objects are walked:
 * whether a map or list is atomic, the schema of a map's fields, and how list items are identified. Values are
 * walked by their JSON shape, so a schema only refines it; {@link #UNTYPED} is upstream's deduced type (maps are
 * granular, lists atomic), used for kinds without a schema and for fields a schema does not declare.
 */
public interface Schema {
    enum ListType { ATOMIC, SET, MAP }

    /** Whether a map value is replaced as a whole (x-kubernetes-map-type: atomic, structType=atomic). */
    boolean atomicMap();

    /** The schema of a map's field or, for maps with additionalProperties, of any value. */
    Schema field(String name);

    /** Whether {@code name} is a declared struct field rather than a key of a free-form map. */
    boolean declares(String name);

    ListType listType();

    /** The key fields of associative list items ({@link ListType#MAP}). */
    List<String> listKeys();

    Schema items();

    Schema UNTYPED = new Schema() {
        @Override
        public boolean atomicMap() {
            return false;
        }

        @Override
        public Schema field(String name) {
            return this;
        }

        @Override
        public boolean declares(String name) {
            return false;
        }

        @Override
        public ListType listType() {
            return ListType.ATOMIC;
        }

        @Override
        public List<String> listKeys() {
            return List.of();
        }

        @Override
        public Schema items() {
            return this;
        }
    };
}
