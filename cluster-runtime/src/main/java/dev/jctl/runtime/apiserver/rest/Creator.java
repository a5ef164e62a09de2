package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.ssa.UpdateRecorder;
import dev.jctl.runtime.apiserver.validation.ObjectValidation;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.StorageException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** POST to a collection: defaulting, validation, namespace checks and the storage create. */
public final class Creator {
    /** upstream's utilrand alphabet: no vowels, no confusable characters. */
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final int GENERATE_ATTEMPTS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectStore store;
    private final KindInfo namespaces;
    private final Clock clock;

    private final ServiceAllocator services;

    public Creator(ObjectStore store, KindRegistry registry, ServiceAllocator services, Clock clock) {
        this.store = store;
        this.services = services;
        this.namespaces = registry.find("", "v1", "namespaces").orElseThrow();
        this.clock = clock;
    }

    public Reply create(ApiRequest request) {
        RequestTarget target = request.target();
        KindInfo kind = target.kind();
        ObjectNode object = Bodies.object(request.body(), kind);
        FieldValidation fields = FieldValidation.of(request, "CreateOptions");
        fields.decoded(request.body(), object);
        ObjectNode meta = Json.metadata(object);
        if (kind.namespaced()) {
            String given = Json.text(meta, "namespace");
            if (given != null && !given.isEmpty() && !given.equals(target.namespace())) {
                throw ApiException.badRequest(
                        "the namespace of the provided object does not match the namespace sent on the request");
            }
            meta.put("namespace", target.namespace());
        } else {
            meta.remove("namespace");
        }
        UpdateRecorder.record(kind, null, object, UpdateRecorder.managerOf(request), null);
        String generateName = Json.text(meta, "generateName");
        boolean generated = (Json.text(meta, "name") == null || Json.text(meta, "name").isEmpty())
                && generateName != null && !generateName.isEmpty();
        for (int attempt = 1; ; attempt++) {
            if (generated) {
                meta.put("name", generateName + randomSuffix());
            }
            try {
                return new Reply(201, create(kind, object, request.dryRun())).warning(fields.warnings());
            } catch (ApiException e) {
                if (!generated || !e.reason().equals("AlreadyExists") || attempt == GENERATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Creates an object whose metadata.namespace is already set; used by the API and by server bootstrap. */
    public ObjectNode create(KindInfo kind, ObjectNode object, boolean dryRun) {
        ObjectNode meta = Json.metadata(object);
        String name = Json.text(meta, "name");
        validate(kind, name == null ? "" : name);
        String namespace = Json.text(meta, "namespace");
        // existence is all that matters here: no need to decode the Namespace
        if (kind.namespaced() && store.storage().get(ObjectStore.key(namespaces, null, namespace)) == null) {
            throw ApiException.notFound("", "namespaces", namespace);
        }
        KindBehaviors.prepareForCreate(kind, object);
        Defaults.apply(kind, object);
        kind.admission().admit(object, null);
        ObjectValidation.validateCreate(kind, object);
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.remove(List.of("resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"));
        if (kind.tracksGeneration()) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        if (isService(kind)) {
            return services.allocating(() -> {
                services.assign(object, null);
                return store(kind, object, dryRun);
            });
        }
        return store(kind, object, dryRun);
    }

    static boolean isService(KindInfo kind) {
        return kind.group().isEmpty() && kind.kind().equals("Service");
    }

    private ObjectNode store(KindInfo kind, ObjectNode object, boolean dryRun) {
        if (dryRun) {
            return object;
        }
        ObjectNode meta = Json.metadata(object);
        String name = Json.text(meta, "name");
        try {
            KeyValue kv = store.storage().create(ObjectStore.key(kind, Json.text(meta, "namespace"), name),
                    ObjectStore.encode(kind, object));
            // the stored bytes are this object without resourceVersion: answer from it rather than re-parse them
            return ObjectStore.withRevision(kind, object, kv.modRevision());
        } catch (StorageException.AlreadyExists e) {
            throw ApiException.alreadyExists(kind.group(), kind.plural(), name);
        }
    }

    private static void validate(KindInfo kind, String name) {
        List<ApiException.Cause> causes = new ArrayList<>();
        if (name.isEmpty()) {
            causes.add(new ApiException.Cause("FieldValueRequired",
                    "Required value: name or generateName is required", "metadata.name"));
        } else {
            causes.addAll(NameRules.check(kind, name));
        }
        if (!causes.isEmpty()) {
            throw ApiException.invalid(kind.group(), kind.kind(), name, causes);
        }
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
