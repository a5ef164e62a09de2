package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.ssa.UpdateRecorder;
import dev.jctl.runtime.apiserver.validation.ObjectValidation;
import dev.jctl.runtime.storage.StorageException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    /**
     * Creates the object of {@code request}; completed when the store's commit is, on the store's writer thread
     * for a store that has one, so no thread waits for the commit. Bad requests fail before anything is queued.
     */
    public CompletableFuture<Reply> createAsync(ApiRequest request) {
        RequestTarget target = request.target();
        KindInfo kind = target.kind();
        ObjectNode object = Bodies.object(request.body(), kind);
        Decoding.body(target, request.body(), object);
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
        return attempt(kind, object, request.dryRun(), generated ? generateName : null, 1)
                .thenApply(created -> new Reply(201, created).warning(fields.warnings()));
    }

    /** One try; a generated name that is taken is drawn again, up to {@code GENERATE_ATTEMPTS} times. */
    private CompletableFuture<ObjectNode> attempt(KindInfo kind, ObjectNode object, boolean dryRun,
                                                  String generateName, int attempt) {
        if (generateName != null) {
            Json.metadata(object).put("name", generateName + randomSuffix());
        }
        return createAsync(kind, object, dryRun).exceptionallyCompose(failure -> {
            RuntimeException e = cause(failure);
            if (generateName == null || !(e instanceof ApiException api) || !api.reason().equals("AlreadyExists")
                    || attempt == GENERATE_ATTEMPTS) {
                throw e;
            }
            return attempt(kind, object, dryRun, generateName, attempt + 1);
        });
    }

    /** Creates an object whose metadata.namespace is already set; used by the API and by server bootstrap. */
    public ObjectNode create(KindInfo kind, ObjectNode object, boolean dryRun) {
        return join(createAsync(kind, object, dryRun));
    }

    private CompletableFuture<ObjectNode> createAsync(KindInfo kind, ObjectNode object, boolean dryRun) {
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
        ServiceAllocator.Reservation reservation = services.reserve(kind, object, null);
        CompletableFuture<ObjectNode> stored;
        try {
            stored = store(kind, object, dryRun);
        } catch (RuntimeException e) {
            reservation.close();
            throw e;
        }
        return stored.whenComplete((created, failure) -> {
            if (failure == null && !dryRun) {
                reservation.stored(created);
            }
            reservation.close();
        });
    }

    private CompletableFuture<ObjectNode> store(KindInfo kind, ObjectNode object, boolean dryRun) {
        if (dryRun) {
            return CompletableFuture.completedFuture(object);
        }
        ObjectNode meta = Json.metadata(object);
        String name = Json.text(meta, "name");
        return store.storage().createAsync(ObjectStore.key(kind, Json.text(meta, "namespace"), name),
                ObjectStore.encode(kind, object)).handle((kv, failure) -> {
                    if (failure != null) {
                        RuntimeException e = cause(failure);
                        throw e instanceof StorageException.AlreadyExists
                                ? ApiException.alreadyExists(kind.group(), kind.plural(), name) : e;
                    }
                    // the stored bytes are this object without resourceVersion: answer from it, not re-parse them
                    return ObjectStore.withRevision(kind, object, kv.modRevision());
                });
    }

    /** The outcome of {@code future}, with its failure thrown as it was raised. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw cause(e);
        }
    }

    /** What a future failed with, without the {@link CompletionException} wrapping of dependent stages. */
    static RuntimeException cause(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException e ? e : new CompletionException(cause);
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
