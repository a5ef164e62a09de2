package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.Storage;

import java.util.Map;

/**
 * Maps objects to storage keys and bytes: {@code /registry/<group or core>/<plural>/<namespace>/<name>}, JSON
 * values without resourceVersion (the key's modRevision is the resourceVersion, filled in on every read).
 */
public final class ObjectStore {
    private final Storage storage;

    public ObjectStore(Storage storage) {
        this.storage = storage;
    }

    public Storage storage() {
        return storage;
    }

    public static String key(KindInfo kind, String namespace, String name) {
        return prefix(kind, namespace) + name;
    }

    /** The prefix of a collection; {@code namespace} null lists a namespaced kind across all namespaces. */
    public static String prefix(KindInfo kind, String namespace) {
        String base = "/registry/" + kind.storageGroup() + "/" + kind.plural() + "/";
        return kind.namespaced() && namespace != null ? base + namespace + "/" : base;
    }

    /** The live object, or null. */
    public ObjectNode find(KindInfo kind, String namespace, String name) {
        KeyValue kv = storage.get(key(kind, namespace, name));
        return kv == null ? null : decode(kind, kv);
    }

    public ObjectNode get(KindInfo kind, String namespace, String name) {
        ObjectNode object = find(kind, namespace, name);
        if (object == null) {
            throw ApiException.notFound(kind.group(), kind.plural(), name);
        }
        return object;
    }

    /**
     * The stored object as the kind's version shows it, with apiVersion and kind first; a custom resource with its
     * definition's defaults ({@link dev.jctl.runtime.apiserver.registry.CustomResource#storageDefaults}).
     */
    public static ObjectNode decode(KindInfo kind, KeyValue kv) {
        ObjectNode stored = (ObjectNode) Json.parse(kv.value());
        if (kind.custom() != null) {
            kind.custom().storageDefaults().accept(stored);
        }
        return withRevision(kind, EventVersions.fromStorage(kind, stored), kv.modRevision());
    }

    /**
     * {@code object} as a read at {@code revision} shows it, the same as {@link #decode} of its stored bytes; the
     * returned node shares {@code object}'s children, so the caller hands {@code object} over.
     */
    public static ObjectNode withRevision(KindInfo kind, ObjectNode object, long revision) {
        ObjectNode shown = Json.object();
        shown.put("apiVersion", kind.apiVersion()).put("kind", kind.kind());
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getKey().equals("apiVersion") && !field.getKey().equals("kind")) {
                shown.set(field.getKey(), field.getValue());
            }
        }
        Json.metadata(shown).put("resourceVersion", Long.toString(revision));
        return shown;
    }

    /**
     * The bytes of an object of {@code kind}: a custom resource is stored in its definition's storage version,
     * whichever served version it was written through, so every version reads the same stored object; an
     * events.k8s.io/v1 Event in the core/v1 form ({@link EventVersions}).
     */
    public static byte[] encode(KindInfo kind, ObjectNode object) {
        if (kind.custom() == null || kind.custom().storageVersion() == null) {
            return encode(EventVersions.toStorage(kind, object));
        }
        ObjectNode copy = shallowCopy(object);
        copy.put("apiVersion", kind.group() + "/" + kind.custom().storageVersion());
        return encode(copy);
    }

    public static byte[] encode(ObjectNode object) {
        if (!object.path("metadata").has("resourceVersion")) {
            return Json.bytes(object);
        }
        ObjectNode copy = shallowCopy(object);
        ObjectNode meta = shallowCopy(Json.metadata(object));
        meta.remove("resourceVersion");
        copy.set("metadata", meta);
        return Json.bytes(copy);
    }

    /** Serialising reads only, so a copy of the top level is enough to change a field without a deep copy. */
    private static ObjectNode shallowCopy(ObjectNode object) {
        ObjectNode copy = Json.object();
        copy.setAll(object);
        return copy;
    }
}
