package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.ssa.FieldPath;
import dev.jctl.diff.ssa.FieldSet;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object's metadata.managedFields decoded into field sets by manager id, and written back as upstream
 * encodes them: server-maintained metadata never owned, entries sorted by operation, time, manager, version.
 */
final class ManagedFields {
    /** Fields nobody owns, as upstream's stripMetaManager removes them. */
    private static final FieldSet STRIPPED = FieldSet.of(FieldPath.fields("apiVersion"), FieldPath.fields("kind"),
            FieldPath.fields("metadata"), FieldPath.fields("metadata", "name"),
            FieldPath.fields("metadata", "namespace"), FieldPath.fields("metadata", "creationTimestamp"),
            FieldPath.fields("metadata", "selfLink"), FieldPath.fields("metadata", "uid"),
            FieldPath.fields("metadata", "clusterName"), FieldPath.fields("metadata", "generation"),
            FieldPath.fields("metadata", "managedFields"), FieldPath.fields("metadata", "resourceVersion"));

    private final Map<String, FieldSet> sets = new LinkedHashMap<>();
    private final Map<String, Manager> managers = new LinkedHashMap<>();
    private final Map<String, String> times = new LinkedHashMap<>();

    /** The managed fields of {@code object}; entries that do not decode are an error, as upstream's are. */
    static ManagedFields of(ObjectNode object) {
        ManagedFields fields = new ManagedFields();
        for (JsonNode entry : Json.metadata(object).path("managedFields")) {
            Manager manager = Manager.fromEntry(entry);
            String id = manager.id();
            try {
                FieldSet set = FieldSet.fromFieldsV1(entry.path("fieldsV1"));
                fields.sets.merge(id, set, FieldSet::union);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("error decoding managed fields: " + e.getMessage());
            }
            fields.managers.put(id, manager);
            if (entry.hasNonNull("time")) {
                fields.times.put(id, entry.get("time").asText());
            }
        }
        return fields;
    }

    static boolean present(ObjectNode object) {
        return Json.metadata(object).has("managedFields");
    }

    /** A copy of the object without managedFields: what field sets are computed over. */
    static ObjectNode withoutManagedFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        Json.metadata(copy).remove("managedFields");
        return copy;
    }

    /**
     * The object without managedFields for reading only: the object itself when it has none, else a copy of its
     * top level and metadata sharing everything below, so recording a write deep-copies nothing.
     */
    static ObjectNode viewWithoutManagedFields(ObjectNode object) {
        if (!present(object)) {
            return object;
        }
        ObjectNode meta = Json.object();
        meta.setAll(Json.metadata(object));
        meta.remove("managedFields");
        ObjectNode view = Json.object();
        view.setAll(object);
        view.set("metadata", meta);
        return view;
    }

    Map<String, FieldSet> sets() {
        return sets;
    }

    Manager manager(String id) {
        Manager known = managers.get(id);
        return known != null ? known : managerFromId(id);
    }

    private static Manager managerFromId(String id) {
        return Manager.fromEntry(Json.parse(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code next} into the object's metadata.managedFields; {@code writer} gets {@code time} when
     * {@code touched}, every other manager keeps its recorded time.
     */
    void write(ObjectNode object, Map<String, FieldSet> next, Manager writer, boolean touched, String time) {
        String writerId = writer.id();
        managers.put(writerId, writer);
        if (touched) {
            times.put(writerId, time);
        }
        record Entry(Manager manager, FieldSet set, String time) {
        }
        List<Entry> entries = next.entrySet().stream()
                .map(e -> new Entry(manager(e.getKey()), e.getValue().difference(STRIPPED), times.get(e.getKey())))
                .filter(e -> !e.set().isEmpty())
                .sorted(Comparator.comparing((Entry e) -> e.manager().operation())
                        .thenComparing(e -> e.time() == null ? "" : e.time())
                        .thenComparing(e -> e.manager().name())
                        .thenComparing(e -> e.manager().apiVersion())
                        .thenComparing(e -> e.manager().subresource() == null ? "" : e.manager().subresource()))
                .toList();
        ObjectNode meta = Json.metadata(object);
        if (entries.isEmpty()) {
            meta.remove("managedFields");
            return;
        }
        ArrayNode out = meta.putArray("managedFields");
        for (Entry e : entries) {
            ObjectNode entry = out.addObject();
            entry.put("manager", e.manager().name()).put("operation", e.manager().operation())
                    .put("apiVersion", e.manager().apiVersion());
            if (e.time() != null) {
                entry.put("time", e.time());
            }
            entry.put("fieldsType", "FieldsV1").set("fieldsV1", e.set().toFieldsV1());
            if (e.manager().subresource() != null && !e.manager().subresource().isEmpty()) {
                entry.put("subresource", e.manager().subresource());
            }
        }
    }
}
