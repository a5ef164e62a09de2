package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.rest.ObjectStore;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.ListResult;
import dev.jctl.runtime.storage.Storage;
import dev.jctl.runtime.storage.StorageException;
import dev.jctl.runtime.storage.Watch;
import dev.jctl.runtime.storage.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves what CustomResourceDefinitions define, as apiextensions-apiserver's controllers do: it watches the
 * stored CRDs and, for each, puts its served versions into the registry (from which the router, discovery,
 * OpenAPI and tables read), then records the accepted names and the NamesAccepted and Established conditions;
 * a CRD whose names another one in its group already holds is not served.
 * A CRD being deleted stops being served, its custom resources are deleted, and then the CRD itself goes. On
 * start the stored CRDs are served before the server answers, so a restart serves them again at once.
 */
public final class CrdController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrdController.class);

    private final Storage storage;
    private final KindRegistry registry;
    private final KindInfo crdKind;
    private final Clock clock;
    /** One thread applies changes in revision order; store threads only hand events over. */
    private final ExecutorService worker;
    private Watch watch;

    private CrdController(Storage storage, KindRegistry registry, KindInfo crdKind, Clock clock) {
        this.storage = storage;
        this.registry = registry;
        this.crdKind = crdKind;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "apiserver-crd-controller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Installs the CRD strategy, serves the stored CRDs and follows their changes until closed. */
    public static CrdController start(Storage storage, KindRegistry registry, Clock clock) {
        KindInfo crd = registry.find(CrdAdmission.GROUP, "v1", "customresourcedefinitions").orElseThrow()
                .withAdmission(new CrdAdmission());
        registry.replace(crd.group(), crd.plural(), List.of(crd));
        CrdController controller = new CrdController(storage, registry, crd, clock);
        String prefix = ObjectStore.prefix(crd, null);
        ListResult existing = storage.list(prefix, 0, null, 0);
        // CRDs that held their names before the restart claim them first, so a conflict keeps its winner
        List<KeyValue> items = new ArrayList<>(existing.items());
        items.sort(Comparator.comparing(kv -> !established(kv)));
        items.forEach(controller::sync);
        controller.watch = storage.watch(prefix, existing.revision(),
                event -> controller.worker.execute(() -> controller.onEvent(event)));
        return controller;
    }

    private static boolean established(KeyValue kv) {
        for (JsonNode c : Json.parse(kv.value()).path("status").path("conditions")) {
            if (c.path("type").asText().equals("Established")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private void onEvent(WatchEvent event) {
        try {
            if (event.type() == WatchEvent.Type.DELETED) {
                JsonNode spec = Json.parse(event.kv().value()).path("spec");
                registry.replace(spec.path("group").asText(), spec.path("names").path("plural").asText(), List.of());
            } else {
                sync(event.kv());
            }
        } catch (RuntimeException e) {
            LOG.error("CustomResourceDefinition {} could not be applied", event.kv().key(), e);
        }
    }

    /** Brings serving in line with the CRD as stored at {@code kv}. */
    private void sync(KeyValue kv) {
        ObjectNode crd = ObjectStore.decode(crdKind, kv);
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText();
        String plural = spec.path("names").path("plural").asText();
        if (Json.metadata(crd).hasNonNull("deletionTimestamp")) {
            registry.replace(group, plural, List.of());
            deleteCustomResources(group, plural);
            finishDeletion(kv, crd);
            return;
        }
        CrdNames names = CrdNames.of(spec);
        Optional<NameConflicts.Conflict> conflict = NameConflicts.find(group, names, registry.all());
        ObjectNode status = crd.withObjectProperty("status");
        ObjectNode before = status.deepCopy();
        if (conflict.isPresent()) {
            registry.replace(group, plural, List.of());
            setCondition(status, "NamesAccepted", "False", conflict.get().reason(), conflict.get().message());
            setCondition(status, "Established", "False", "NotAccepted", "not all names are accepted");
        } else {
            registry.replace(group, plural, CrdKinds.of(crd));
            status.set("acceptedNames", names.toJson());
            setCondition(status, "NamesAccepted", "True", "NoConflicts", "no conflicts found");
            setCondition(status, "Established", "True", "InitialNamesAccepted",
                    "the initial names have been accepted");
        }
        if (!status.equals(before)) {
            write(kv, crd);
        }
    }

    /** Sets a condition, keeping its lastTransitionTime unless its status changes. */
    private void setCondition(ObjectNode status, String type, String value, String reason, String message) {
        ArrayNode conditions = status.withArrayProperty("conditions");
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                ObjectNode condition = (ObjectNode) c;
                if (!condition.path("status").asText().equals(value)) {
                    condition.put("lastTransitionTime", now());
                }
                condition.put("status", value).put("reason", reason).put("message", message);
                return;
            }
        }
        conditions.addObject().put("type", type).put("status", value).put("lastTransitionTime", now())
                .put("reason", reason).put("message", message);
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A concurrent change of the CRD wins: its own event brings this controller back here. */
    private void write(KeyValue kv, ObjectNode crd) {
        try {
            storage.update(kv.key(), ObjectStore.encode(crd), kv.modRevision());
        } catch (StorageException.Conflict | StorageException.NotFound e) {
            LOG.debug("CRD {} changed while its status was written", kv.key());
        }
    }

    private void deleteCustomResources(String group, String plural) {
        String prefix = "/registry/" + group + "/" + plural + "/";
        for (KeyValue item : storage.list(prefix, 0, null, 0).items()) {
            try {
                storage.delete(item.key(), 0);
            } catch (StorageException.NotFound e) {
                // deleted concurrently: that is the goal
            }
        }
    }

    /** Drops the cleanup finalizer; the CRD is gone once no other finalizer holds it. */
    private void finishDeletion(KeyValue kv, ObjectNode crd) {
        ObjectNode meta = Json.metadata(crd);
        ArrayNode remaining = Json.MAPPER.createArrayNode();
        meta.path("finalizers").forEach(f -> {
            if (!f.asText().equals(CrdAdmission.CLEANUP_FINALIZER)) {
                remaining.add(f);
            }
        });
        try {
            if (remaining.isEmpty()) {
                storage.delete(kv.key(), kv.modRevision());
            } else if (remaining.size() != meta.path("finalizers").size()) {
                meta.set("finalizers", remaining);
                storage.update(kv.key(), ObjectStore.encode(crd), kv.modRevision());
            }
        } catch (StorageException.Conflict | StorageException.NotFound e) {
            LOG.debug("CRD {} changed while it was being deleted", kv.key());
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        worker.shutdownNow();
    }
}
