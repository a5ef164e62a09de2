package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.ssa.UpdateRecorder;
import dev.jctl.runtime.apiserver.validation.ObjectValidation;
import dev.jctl.runtime.storage.StorageException;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write of one object with compare-and-swap, shared by PUT, PATCH, /status, /scale and deferred
 * deletion. Applies upstream's update rules: identity metadata is kept, the main resource cannot write status
 * and /status can write nothing else, generation counts spec changes, a no-op writes nothing, and an object
 * whose deletionTimestamp is set goes away once its last finalizer is removed.
 */
public final class Updater {
    private static final int ATTEMPTS = 16;
    private static final List<String> IDENTITY = List.of("uid", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds", "generation");

    /**
     * What a write may change: the main resource (status and identity kept), only the status, or - for the
     * server's own writes such as marking an object deleted - everything.
     */
    public enum Scope { MAIN, STATUS, ALL }

    private final ObjectStore store;
    private final ServiceAllocator services;

    public Updater(ObjectStore store, ServiceAllocator services) {
        this.store = store;
        this.services = services;
    }

    /** PUT: the body is the desired object; a resourceVersion in it is a precondition. */
    public Reply replace(ApiRequest request) {
        RequestTarget target = request.target();
        ObjectNode desired = Bodies.object(request.body(), target.kind());
        Decoding.body(target, request.body(), desired);
        FieldValidation fields = FieldValidation.of(request, "UpdateOptions");
        fields.decoded(request.body(), desired);
        String bodyName = Json.text(Json.metadata(desired), "name");
        if (bodyName != null && !bodyName.equals(target.name())) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + target.name() + ")");
        }
        boolean conditional = !Json.text(Json.metadata(desired), "resourceVersion", "").isEmpty();
        Scope scope = "status".equals(target.subresource()) ? Scope.STATUS : Scope.MAIN;
        return Reply.ok(update(target, current -> desired, scope, !conditional, request.dryRun(),
                        UpdateRecorder.forRequest(request)))
                .warning(fields.warnings());
    }

    /**
     * Applies {@code mutation} to the current object (a copy, resourceVersion filled in) and stores the result.
     * A resourceVersion in the result that differs from the current one is a 409 Conflict; a concurrent write
     * between read and CAS is retried when {@code retryOnConflict} (the client did not pin a version).
     */
    public ObjectNode update(RequestTarget target, UnaryOperator<ObjectNode> mutation, Scope scope,
                             boolean retryOnConflict, boolean dryRun) {
        return update(target, mutation, scope, retryOnConflict, dryRun, BeforeWrite.NONE);
    }

    /** Bookkeeping on the object about to be stored, such as recording managedFields for the writer. */
    public interface BeforeWrite {
        BeforeWrite NONE = (current, next) -> { };

        void accept(ObjectNode current, ObjectNode next);
    }

    /** {@link #update} with {@code beforeWrite} run on each attempt's merged object before it is stored. */
    public ObjectNode update(RequestTarget target, UnaryOperator<ObjectNode> mutation, Scope scope,
                             boolean retryOnConflict, boolean dryRun, BeforeWrite beforeWrite) {
        KindInfo kind = target.kind();
        String key = ObjectStore.key(kind, target.namespace(), target.name());
        for (int attempt = 1; ; attempt++) {
            ObjectNode current = store.get(kind, target.namespace(), target.name());
            String currentRv = Json.metadata(current).path("resourceVersion").asText();
            ObjectNode desired = Bodies.typed(mutation.apply(current.deepCopy()), kind.apiVersion(), kind.kind());
            String desiredRv = Json.text(Json.metadata(desired), "resourceVersion", "");
            if (!desiredRv.isEmpty() && !desiredRv.equals(currentRv)) {
                throw ApiException.conflict(kind.group(), kind.plural(), target.name());
            }
            ObjectNode next = merge(kind, current, desired, scope);
            long expected = Long.parseLong(currentRv);
            try (ServiceAllocator.Reservation reservation = scope == Scope.MAIN
                    ? services.reserve(kind, next, current) : ServiceAllocator.Reservation.NONE) {
                beforeWrite.accept(current, next);
                if (isFinalized(next)) {
                    if (dryRun) {
                        return next;
                    }
                    services.deleted(store.storage().delete(key, expected));
                    return next;
                }
                if (Json.MAPPER.readTree(ObjectStore.encode(kind, current)).equals(
                        Json.MAPPER.readTree(ObjectStore.encode(kind, next)))) {
                    return current;
                }
                if (dryRun) {
                    return next;
                }
                ObjectNode updated = ObjectStore.decode(kind,
                        store.storage().update(key, ObjectStore.encode(kind, next), expected));
                reservation.stored(updated);
                return updated;
            } catch (StorageException.Conflict e) {
                if (!retryOnConflict || attempt == ATTEMPTS) {
                    throw ApiException.conflict(kind.group(), kind.plural(), target.name());
                }
            } catch (StorageException.NotFound e) {
                throw ApiException.notFound(kind.group(), kind.plural(), target.name());
            } catch (java.io.IOException e) {
                throw ApiException.internal(e.getMessage());
            }
        }
    }

    private static ObjectNode merge(KindInfo kind, ObjectNode current, ObjectNode desired, Scope scope) {
        ObjectNode currentMeta = Json.metadata(current);
        if (scope == Scope.STATUS) {
            ObjectNode next = current.deepCopy();
            setOrRemove(next, "status", desired.get("status"));
            kind.admission().admit(next, current);
            return next;
        }
        ObjectNode next = desired;
        if (scope == Scope.ALL) {
            return next;
        }
        ObjectNode meta = Json.metadata(next);
        meta.put("name", currentMeta.path("name").asText());
        setOrRemove(meta, "namespace", currentMeta.get("namespace"));
        for (String field : IDENTITY) {
            setOrRemove(meta, field, currentMeta.get(field));
        }
        meta.put("resourceVersion", currentMeta.path("resourceVersion").asText());
        if (kind.hasStatus()) {
            setOrRemove(next, "status", current.get("status"));
        }
        if (kind.group().isEmpty() && kind.kind().equals("Secret")) {
            KindBehaviors.foldStringData(next);
        }
        Defaults.apply(kind, next);
        KindBehaviors.prepareForUpdate(kind, next, current);
        kind.admission().admit(next, current);
        ObjectValidation.validateUpdate(kind, next, current);
        if (kind.tracksGeneration() && !specOf(current).equals(specOf(next))) {
            meta.put("generation", currentMeta.path("generation").asLong(0) + 1);
        }
        return next;
    }

    /** Everything but metadata and status: what a generation counts. */
    private static JsonNode specOf(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
        return copy;
    }

    private static boolean isFinalized(ObjectNode object) {
        ObjectNode meta = Json.metadata(object);
        JsonNode finalizers = meta.get("finalizers");
        return meta.hasNonNull("deletionTimestamp") && (finalizers == null || finalizers.isEmpty())
                && meta.path("deletionGracePeriodSeconds").asLong(0) == 0;
    }

    private static void setOrRemove(ObjectNode node, String field, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            node.remove(field);
        } else {
            node.set(field, value.deepCopy());
        }
    }
}
