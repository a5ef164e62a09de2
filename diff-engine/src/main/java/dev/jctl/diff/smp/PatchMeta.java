package dev.jctl.diff.smp;

import java.util.List;
import java.util.Objects;

/**
 * Schema knowledge a strategic merge patch needs: for a field of the object at hand, its patch strategies, its
 * merge key and the schema of its value (or, for a list, of its items). This is apimachinery's
 * {@code LookupPatchMeta}; implementations come from OpenAPI documents ({@link OpenApiPatchMeta}) and from the
 * built-in table of Kubernetes kinds ({@link BuiltinPatchMeta}).
 *
 * <p>Lookups of fields the schema does not know throw a {@link dev.jctl.diff.PatchException}; the engine only
 * asks when it has to descend into differing values, exactly when apimachinery does.
 */
public interface PatchMeta {

    /** A schema that accepts any field with no strategy, like a nil schema upstream (arbitrary JSON values). */
    PatchMeta UNTYPED = new PatchMeta() {
        @Override
        public Field lookupStruct(String field) {
            return new Field(this, List.of(), "");
        }

        @Override
        public Field lookupSlice(String field) {
            return new Field(this, List.of(), "");
        }

        @Override
        public String name() {
            return "Arbitrary value";
        }
    };

    /** Metadata of {@code field} when its value is an object (LookupPatchMetadataForStruct). */
    Field lookupStruct(String field);

    /** Metadata of {@code field} when its value is a list; the schema is that of the items (LookupPatchMetadataForSlice). */
    Field lookupSlice(String field);

    /** The type name used in error messages. */
    String name();

    /**
     * What a lookup found: the schema to continue with, the patch strategies (for example {@code merge} or
     * {@code merge, retainKeys}) and the merge key, empty when there is none.
     */
    record Field(PatchMeta schema, List<String> strategies, String mergeKey) {
        public Field {
            Objects.requireNonNull(schema, "schema");
            strategies = List.copyOf(strategies);
            mergeKey = mergeKey == null ? "" : mergeKey;
        }
    }
}
