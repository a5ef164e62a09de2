package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Patch metadata of the built-in Kubernetes kinds with no server at hand, as kubectl has it compiled in: the
 * {@code patchStrategy}/{@code patchMergeKey} tags of the k8s.io/api structs, read the way apimachinery's
 * {@code PatchMetaFromStruct} reads them (unknown fields are errors, JSON names match case-insensitively as a
 * fallback, maps and scalars cannot be descended into). The table lives in {@code builtin-patch-meta.yaml}
 * beside this class and is loaded once, on first use.
 */
public final class BuiltinPatchMeta {
    private static final String RESOURCE = "builtin-patch-meta.yaml";

    private BuiltinPatchMeta() {}

    /**
     * The metadata of a built-in kind, or empty for kinds the table does not know (custom resources, which
     * kubectl patches with a JSON merge patch instead).
     */
    public static Optional<PatchMeta> forKind(String apiVersion, String kind) {
        Table table = Table.INSTANCE;
        String type = table.kinds.getOrDefault(apiVersion, Map.of()).get(kind);
        return type == null ? Optional.empty() : Optional.of(new StructMeta(table, TypeRef.parse(type)));
    }

    /** The type of a field: a Go kind ({@code string}, {@code map}, ...), a list, or a struct of the table. */
    private record TypeRef(String kind, String struct, TypeRef element) {
        static final String STRUCT = "struct";
        static final String SLICE = "slice";
        static final String ANY = "any";

        static TypeRef parse(String spec) {
            if (spec.startsWith("[]")) {
                return new TypeRef(SLICE, null, parse(spec.substring(2)));
            }
            switch (spec) {
                case "string":
                case "int32":
                case "int64":
                case "bool":
                case "float64":
                case "map":
                case ANY:
                    return new TypeRef(spec, null, null);
                default:
                    return new TypeRef(STRUCT, spec, null);
            }
        }
    }

    private record FieldDef(String jsonName, TypeRef type, List<String> strategies, String mergeKey) {}

    /** A Go struct type: its JSON fields by name, plus a lower-case index for Go's case-insensitive fallback. */
    private record StructDef(String goName, Map<String, FieldDef> fields, Map<String, FieldDef> folded) {}

    private static final class Table {
        static final Table INSTANCE = load();

        final Map<String, Map<String, String>> kinds;
        final Map<String, StructDef> structs;

        private Table(Map<String, Map<String, String>> kinds, Map<String, StructDef> structs) {
            this.kinds = kinds;
            this.structs = structs;
        }

        @SuppressWarnings("unchecked")
        private static Table load() {
            Map<String, Object> root;
            try (InputStream in = BuiltinPatchMeta.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Map<String, String>> kinds = new HashMap<>();
            ((Map<String, Map<String, String>>) root.get("kinds")).forEach((av, byKind) -> kinds.put(av, Map.copyOf(byKind)));
            Map<String, StructDef> structs = new HashMap<>();
            ((Map<String, Map<String, String>>) root.get("types")).forEach((name, fields) -> {
                Map<String, FieldDef> byName = new HashMap<>();
                Map<String, FieldDef> folded = new HashMap<>();
                fields.forEach((field, spec) -> {
                    FieldDef def = field(field, spec);
                    byName.put(field, def);
                    folded.putIfAbsent(field.toLowerCase(Locale.ROOT), def);
                });
                structs.put(name, new StructDef(name.substring(name.lastIndexOf('.') + 1), byName, folded));
            });
            return new Table(kinds, structs);
        }

        /** {@code "<type> [<strategy> [<mergeKey>]]"}, {@code -} for no strategy. */
        private static FieldDef field(String name, String spec) {
            String[] parts = spec.split(" ");
            List<String> strategies = parts.length > 1 && !parts[1].equals("-")
                    ? List.of(parts[1].split(",")) : List.of();
            String mergeKey = parts.length > 2 ? parts[2] : "";
            return new FieldDef(name, TypeRef.parse(parts[0]), strategies, mergeKey);
        }
    }

    /** PatchMetaFromStruct over the table. */
    private static final class StructMeta implements PatchMeta {
        private final Table table;
        private final TypeRef type;

        StructMeta(Table table, TypeRef type) {
            this.table = table;
            this.type = type;
        }

        private PatchMeta of(TypeRef t) {
            return TypeRef.ANY.equals(t.kind()) ? PatchMeta.UNTYPED : new StructMeta(table, t);
        }

        @Override
        public Field lookupStruct(String key) {
            FieldDef field = find(key);
            return new Field(of(field.type()), field.strategies(), field.mergeKey());
        }

        @Override
        public Field lookupSlice(String key) {
            FieldDef field = find(key);
            TypeRef t = field.type();
            if (!TypeRef.SLICE.equals(t.kind())) {
                // Go names the kind of the enclosing type here, which is always a struct.
                throw new PatchException("expected slice or array type, but got: struct");
            }
            if (TypeRef.SLICE.equals(t.element().kind())) {
                throw new PatchException("unexpected slice of slice");
            }
            return new Field(of(t.element()), field.strategies(), field.mergeKey());
        }

        private FieldDef find(String key) {
            if (!TypeRef.STRUCT.equals(type.kind())) {
                throw new PatchException("merging an object in json but data type is not struct, instead is: "
                        + type.kind());
            }
            StructDef struct = table.structs.get(type.struct());
            if (struct == null) {
                throw new IllegalStateException("builtin patch metadata lacks type " + type.struct());
            }
            FieldDef field = struct.fields().get(key);
            if (field == null) {
                field = struct.folded().get(key.toLowerCase(Locale.ROOT));
            }
            if (field == null) {
                throw new PatchException("unable to find api field in struct " + struct.goName()
                        + " for the json field \"" + key + "\"");
            }
            return field;
        }

        @Override
        public String name() {
            return type.kind();
        }
    }

    /** The apiVersion/kind pairs the table covers, for listings and tests. */
    public static List<String> kinds() {
        List<String> result = new ArrayList<>();
        Table.INSTANCE.kinds.forEach((av, byKind) -> byKind.keySet().forEach(k -> result.add(av + "/" + k)));
        result.sort(null);
        return result;
    }
}
