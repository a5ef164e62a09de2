package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.StorageException;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DELETE of one object or a collection. Objects with finalizers, or deleted with a Foreground/Orphan policy (which
 * upstream records as the foregroundDeletion/orphan finalizers for the garbage collector), and scheduled pods
 * (which the kubelet must stop first) get a deletionTimestamp instead of being removed.
 */
public final class Deleter {
    private static final long DEFAULT_POD_GRACE_SECONDS = 30;

    private final ObjectStore store;
    private final KindRegistry registry;
    private final Updater updater;
    private final Reader reader;
    private final ServiceAllocator services;
    private final Clock clock;

    public Deleter(ObjectStore store, KindRegistry registry, Updater updater, Reader reader,
                   ServiceAllocator services, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.updater = updater;
        this.reader = reader;
        this.services = services;
        this.clock = clock;
    }

    public Reply delete(ApiRequest request) {
        RequestTarget target = request.target();
        DeleteOptions options = DeleteOptions.from(request);
        Outcome outcome = delete(target, options, request.dryRun());
        KindInfo kind = target.kind();
        if (!outcome.deleted() || returnsObject(kind)) {
            return Reply.ok(outcome.object());
        }
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details");
        details.put("name", target.name());
        if (!kind.group().isEmpty()) {
            details.put("group", kind.group());
        }
        details.put("kind", kind.plural());
        details.put("uid", Json.metadata(outcome.object()).path("uid").asText());
        return Reply.ok(status);
    }

    /** DELETE on a collection: deletes what a list with the same selectors returns, answers with that list. */
    public Reply deleteCollection(ApiRequest request) {
        DeleteOptions options = DeleteOptions.from(request);
        ObjectNode list = reader.list(request);
        ArrayNode deleted = Json.MAPPER.createArrayNode();
        for (JsonNode item : list.path("items")) {
            String name = Json.metadata((ObjectNode) item).path("name").asText();
            RequestTarget one = new RequestTarget(request.target().kind(),
                    Json.text(item.path("metadata"), "namespace"), name, null);
            try {
                deleted.add(delete(one, options, request.dryRun()).object());
            } catch (ApiException e) {
                if (!e.reason().equals("NotFound")) {
                    throw e;
                }
            }
        }
        list.set("items", deleted);
        return Reply.ok(list);
    }

    private record Outcome(ObjectNode object, boolean deleted) {
    }

    private Outcome delete(RequestTarget target, DeleteOptions options, boolean dryRun) {
        KindInfo kind = target.kind();
        ObjectNode current = store.get(kind, target.namespace(), target.name());
        ObjectNode meta = Json.metadata(current);
        checkPreconditions(kind, target.name(), meta, options);
        Set<String> finalizers = new LinkedHashSet<>();
        meta.path("finalizers").forEach(f -> finalizers.add(f.asText()));
        if ("Foreground".equals(options.propagationPolicy())) {
            finalizers.add("foregroundDeletion");
        } else if ("Orphan".equals(options.propagationPolicy())) {
            finalizers.add("orphan");
        }
        long grace = gracePeriod(kind, current, options);
        if (finalizers.isEmpty() && grace == 0) {
            if (isNamespace(kind) && !dryRun) {
                deleteContents(target.name());
            }
            return new Outcome(remove(target, current, dryRun), true);
        }
        if (meta.hasNonNull("deletionTimestamp")) {
            return new Outcome(current, false);
        }
        ObjectNode marked = updater.update(target, object -> {
            ObjectNode m = Json.metadata(object);
            m.put("deletionTimestamp", clock.instant().plusSeconds(grace).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            m.put("deletionGracePeriodSeconds", grace);
            ArrayNode array = m.putArray("finalizers");
            finalizers.forEach(array::add);
            return object;
        }, Updater.Scope.ALL, true, dryRun);
        return new Outcome(marked, false);
    }

    private ObjectNode remove(RequestTarget target, ObjectNode current, boolean dryRun) {
        if (dryRun) {
            return current;
        }
        KindInfo kind = target.kind();
        long rv = Long.parseLong(Json.metadata(current).path("resourceVersion").asText());
        try {
            KeyValue kv = store.storage().delete(ObjectStore.key(kind, target.namespace(), target.name()), rv);
            services.deleted(kv);
            return ObjectStore.decode(kind, kv);
        } catch (StorageException.Conflict e) {
            throw ApiException.conflict(kind.group(), kind.plural(), target.name());
        } catch (StorageException.NotFound e) {
            throw ApiException.notFound(kind.group(), kind.plural(), target.name());
        }
    }

    /**
     * Upstream's namespace controller empties a Terminating namespace; until the runtime has one, the API server
     * does that work synchronously so that deleting a namespace completes.
     */
    private void deleteContents(String namespace) {
        Set<String> seen = new LinkedHashSet<>();
        for (KindInfo kind : registry.all()) {
            String prefix = ObjectStore.prefix(kind, namespace);
            if (!kind.namespaced() || !seen.add(prefix)) {
                continue;
            }
            for (KeyValue kv : store.storage().list(prefix, 0, null, 0).items()) {
                try {
                    services.deleted(store.storage().delete(kv.key(), 0));
                } catch (StorageException.NotFound e) {
                    // deleted concurrently: that is the goal
                }
            }
        }
    }

    private static long gracePeriod(KindInfo kind, ObjectNode object, DeleteOptions options) {
        if (!kind.group().isEmpty() || !kind.kind().equals("Pod")) {
            return 0;
        }
        // a pod no kubelet runs (unscheduled) has nothing to stop: upstream deletes it at once
        if (object.path("spec").path("nodeName").asText("").isEmpty()) {
            return 0;
        }
        if (options.gracePeriodSeconds() != null) {
            return Math.max(0, options.gracePeriodSeconds());
        }
        return object.path("spec").path("terminationGracePeriodSeconds").asLong(DEFAULT_POD_GRACE_SECONDS);
    }

    private static void checkPreconditions(KindInfo kind, String name, ObjectNode meta, DeleteOptions options) {
        if (options.preconditionUid() != null && !options.preconditionUid().equals(meta.path("uid").asText())) {
            throw ApiException.conflict(kind.group(), kind.plural(), name, "Precondition failed: UID in"
                    + " precondition: " + options.preconditionUid() + ", UID in object meta: "
                    + meta.path("uid").asText());
        }
        String rv = options.preconditionResourceVersion();
        if (rv != null && !rv.equals(meta.path("resourceVersion").asText())) {
            throw ApiException.conflict(kind.group(), kind.plural(), name, "Precondition failed: ResourceVersion"
                    + " in precondition: " + rv + ", ResourceVersion in object meta: "
                    + meta.path("resourceVersion").asText());
        }
    }

    private static boolean isNamespace(KindInfo kind) {
        return kind.group().isEmpty() && kind.kind().equals("Namespace");
    }

    /** Kinds whose registry answers a delete with the object rather than a Status (pods, services, namespaces). */
    private static boolean returnsObject(KindInfo kind) {
        return kind.group().isEmpty() && List.of("Pod", "Service", "Namespace").contains(kind.kind());
    }
}
