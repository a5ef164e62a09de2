package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.BuilderException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.Futures;
import dev.jctl.cli.client.ManifestLocation;
import dev.jctl.cli.client.OpenApiDocuments;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code apply}: creates what is missing and patches what exists, each object as kubectl's client-side apply does
 * (or sends the manifest as an apply patch with {@code serverSide}), rank by rank in {@link ApplyOrder} with the
 * objects of a rank applied concurrently. A failed object does not stop the others; its error is reported in its
 * {@link ApplyResult}.
 */
public final class Applier {
    /** kubectl's {@code maxPatchRetry}: re-read and re-patch this many times when the server answers 409. */
    static final int MAX_CONFLICT_RETRIES = 5;
    private static final Duration CONFLICT_BACKOFF = Duration.ofSeconds(1);
    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(60);
    /** kubectl's advice after a server-side apply conflict, word for word. */
    private static final String SERVER_SIDE_CONFLICT_HELP = """
            Please review the fields above--they currently have other managers. Here
            are the ways you can resolve this warning:
            * If you intend to manage all of these fields, please re-run the apply
              command with the `--force-conflicts` flag.
            * If you do not intend to manage all of the fields, please edit your
              manifest to remove references to the fields that should keep their
              current managers.
            * You may co-own fields by updating your manifest to match the existing
              value; in this case, you'll become the manager if the other manager(s)
              stop managing the field (remove it from their configuration).
            See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts""";
    private static final String CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/";

    private final Connection connection;
    private final Discovery discovery;
    private final ThreeWayPatch patches;
    private final PrintWriter warnings;
    private final Sleeper sleeper;

    /** Waits between retries; tests pass one that does not. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Applier(Connection connection, Discovery discovery, OpenApiDocuments openApi, PrintWriter warnings) {
        this(connection, discovery, openApi, warnings, d -> Thread.sleep(d.toMillis()));
    }

    Applier(Connection connection, Discovery discovery, OpenApiDocuments openApi, PrintWriter warnings,
            Sleeper sleeper) {
        this.connection = connection;
        this.discovery = discovery;
        this.patches = new ThreeWayPatch(openApi);
        this.warnings = warnings;
        this.sleeper = sleeper;
    }

    /**
     * Applies all manifests in {@link ApplyOrder}, the objects of one rank {@link ApplyOptions#concurrency()} at a
     * time, the next rank only once the previous one is done. Each result is reported, with the warnings its object
     * caused, as soon as it and every result before it are known, so the output is the same as one at a time.
     */
    public List<ApplyResult> apply(List<Manifest> manifests, ApplyOptions options, Consumer<ApplyResult> listener) {
        List<Manifest> ordered = ApplyOrder.forApply(manifests);
        List<ApplyResult> results = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), Applier::worker);
        try {
            int start = 0;
            while (start < ordered.size()) {
                int rank = ApplyOrder.rank(ordered.get(start).kind());
                int end = start + 1;
                while (end < ordered.size() && ApplyOrder.rank(ordered.get(end).kind()) == rank) {
                    end++;
                }
                applyRank(ordered.subList(start, end), ordered.subList(end, ordered.size()), options, workers,
                        done -> {
                            warnings.print(done.warnings());
                            warnings.flush();
                            results.add(done.result());
                            listener.accept(done.result());
                        });
                start = end;
            }
        } finally {
            workers.shutdownNow();
        }
        return results;
    }

    /** One object's outcome, with the warnings printed while applying it. */
    private record Done(ApplyResult result, String warnings, boolean establishedCrd) {
    }

    /**
     * Applies one rank and reports its results in input order, each as soon as it and those before it are done.
     * Kinds are looked up here, on the calling thread, as discovery is not shared between threads; two manifests of
     * the same object are applied one after the other, as kubectl would.
     */
    private void applyRank(List<Manifest> rank, List<Manifest> later, ApplyOptions options, ExecutorService workers,
                           Consumer<Done> report) {
        List<ApiResource> resources = new ArrayList<>();
        List<BuilderException> unresolved = new ArrayList<>();
        for (Manifest manifest : rank) {
            try {
                resources.add(ManifestLocation.resource(manifest, discovery));
                unresolved.add(null);
            } catch (BuilderException e) {
                resources.add(null);
                unresolved.add(e);
            }
        }
        Map<Collection, CompletableFuture<LiveListing>> listings = listings(rank, resources, options, workers);
        List<CompletableFuture<Done>> pending = new ArrayList<>();
        Map<List<Object>, CompletableFuture<Done>> byObject = new HashMap<>();
        for (int i = 0; i < rank.size(); i++) {
            Manifest manifest = rank.get(i);
            ApiResource resource = resources.get(i);
            if (resource == null) {
                pending.add(CompletableFuture.completedFuture(
                        new Done(ApplyResult.failure(manifest, unresolved.get(i)), "", false)));
                continue;
            }
            Collection collection = collection(manifest, resource);
            CompletableFuture<LiveListing> listing = listings.getOrDefault(collection,
                    CompletableFuture.completedFuture(LiveListing.none()));
            List<Object> identity = List.of(collection, manifest.name());
            CompletableFuture<Done> before = byObject.get(identity);
            CompletableFuture<Done> future = (before == null ? listing : before.thenCompose(ignored -> listing))
                    .thenApplyAsync(live -> applyReporting(manifest, resource, live, later, options), workers);
            byObject.put(identity, future);
            pending.add(future);
        }
        boolean establishedCrd = false;
        for (CompletableFuture<Done> future : pending) {
            Done done = Futures.join(future);
            establishedCrd |= done.establishedCrd();
            report.accept(done);
        }
        if (establishedCrd) {
            // The custom resources of the new CRDs come next: discovery has to be asked again.
            discovery.invalidate();
        }
    }

    /** Where objects live: a resource and, for a namespaced one, a namespace (else null). */
    private record Collection(ApiResource resource, String namespace) {
    }

    private Collection collection(Manifest manifest, ApiResource resource) {
        return new Collection(resource, resource.namespaced() ? namespaceName(manifest) : null);
    }

    /**
     * One LIST, run on the workers, for every collection of which this rank reads at least
     * {@link LiveListing#MIN_WANTED} live objects; server-side apply reads none unless it is a diff's dry run.
     */
    private Map<Collection, CompletableFuture<LiveListing>> listings(List<Manifest> rank, List<ApiResource> resources,
                                                                      ApplyOptions options, ExecutorService workers) {
        Map<Collection, CompletableFuture<LiveListing>> listings = new HashMap<>();
        if (options.serverSide() && options.dryRun() != DryRun.SERVER) {
            return listings;
        }
        Map<Collection, Set<String>> wanted = new HashMap<>();
        for (int i = 0; i < rank.size(); i++) {
            Manifest manifest = rank.get(i);
            ApiResource resource = resources.get(i);
            if (resource == null || manifest.name().isEmpty() || (resource.namespaced()
                    && connection.namespaceEnforced() && !namespaceName(manifest).equals(connection.namespace()))) {
                continue;
            }
            wanted.computeIfAbsent(collection(manifest, resource), c -> new HashSet<>()).add(manifest.name());
        }
        wanted.forEach((collection, names) -> {
            if (names.size() >= LiveListing.MIN_WANTED) {
                listings.put(collection, CompletableFuture.supplyAsync(
                        () -> LiveListing.read(connection, collection.resource(), collection.namespace(), names),
                        workers));
            }
        });
        return listings;
    }

    private Done applyReporting(Manifest manifest, ApiResource resource, LiveListing listing, List<Manifest> later,
                                ApplyOptions options) {
        StringWriter buffer = new StringWriter();
        PrintWriter objectWarnings = new PrintWriter(buffer);
        boolean established = false;
        ApplyResult result;
        try {
            result = applyOne(manifest, resource, listing, options, objectWarnings);
            if (!result.failed() && options.dryRun() == DryRun.NONE
                    && manifest.kind().equals("CustomResourceDefinition") && usedLater(manifest, later)) {
                awaitEstablished(manifest.name(), options.establishTimeout());
                established = true;
            }
        } catch (ApiException | PatchException | IllegalArgumentException e) {
            result = ApplyResult.failure(manifest, e);
        }
        objectWarnings.flush();
        return new Done(result, buffer.toString(), established);
    }

    private String namespaceName(Manifest manifest) {
        return manifest.namespace().isEmpty() ? connection.namespace() : manifest.namespace();
    }

    private static Thread worker(Runnable work) {
        Thread thread = new Thread(work, "jctl-apply");
        thread.setDaemon(true);
        return thread;
    }

    private ApplyResult applyOne(Manifest manifest, ApiResource resource, LiveListing listing, ApplyOptions options,
                                 PrintWriter warnings) {
        ObjectNode object = manifest.object().deepCopy();
        String namespace = ManifestLocation.namespace(manifest, resource, connection);
        if (namespace != null) {
            object.withObjectProperty("metadata").put("namespace", namespace);
        }
        if (manifest.name().isEmpty()) {
            throw nameless(manifest, resource, namespace, options);
        }
        String path = resource.objectPath(namespace, manifest.name());
        if (options.serverSide()) {
            return serverSideApply(manifest, object, path, listing, options);
        }
        Optional<LiveListing.Settled> listed = listing.take(manifest.name());
        JsonNode current = listed.isPresent() ? listed.get().object()
                : liveObject(manifest, resource, namespace, path, options);
        if (current == null) {
            return create(manifest, resource, namespace,
                    options.forDiff() ? object : LastAppliedConfiguration.modified(object), options);
        }
        ObjectNode modified = options.forDiff() ? LastAppliedConfiguration.unannotated(object)
                : LastAppliedConfiguration.modified(object);
        if (!options.forDiff() && LastAppliedConfiguration.original(current) == null) {
            warnings.println("Warning: resource " + resource.plural() + "/" + manifest.name()
                    + " is missing the " + LastAppliedConfiguration.ANNOTATION + " annotation which is required by "
                    + "jctl apply. jctl apply should only be used on resources created declaratively by either "
                    + "kubectl create --save-config or jctl apply. The missing annotation will be patched "
                    + "automatically.");
            warnings.flush();
        }
        return patch(manifest, resource, namespace, path, modified, current, options, warnings);
    }

    /**
     * kubectl's error for an object without a name: apply refuses a generated one, then, as diff does, fails to
     * read an object without a name, which client-side apply words as a failed read of its live state.
     */
    private static RuntimeException nameless(Manifest manifest, ApiResource resource, String namespace,
                                             ApplyOptions options) {
        String generateName = manifest.metadata().path("generateName").asText();
        if (!generateName.isEmpty() && !options.forDiff()) {
            return new IllegalArgumentException("from " + generateName + ": cannot use generate name with apply");
        }
        IllegalArgumentException unnamed = new IllegalArgumentException("resource name may not be empty");
        if (options.forDiff() || options.serverSide()) {
            return unnamed;
        }
        return ApiException.withSource(retrievingCurrent(resource, namespace, ""), manifest.source(), unnamed);
    }

    /** The object as a GET answers it, null when there is none. */
    private JsonNode liveObject(Manifest manifest, ApiResource resource, String namespace, String path,
                                ApplyOptions options) {
        Connection.Answer live = connection.exchange(Connection.Request.get(path));
        if (live.code() == 404) {
            return null;
        }
        if (live.code() != 200) {
            ApiException error = ApiException.ofAnswer(live);
            throw options.forDiff() ? error
                    : error.withSource(retrievingCurrent(resource, namespace, manifest.name()), manifest.source());
        }
        return live.json();
    }

    private static String retrievingCurrent(ApiResource resource, String namespace, String name) {
        return "retrieving current configuration of:\n" + describe(resource, namespace, name) + "\nfrom server for:";
    }

    private ApplyResult create(Manifest manifest, ApiResource resource, String namespace, ObjectNode body,
                               ApplyOptions options) {
        // kubectl prunes nulls after computing the annotation, so the annotation keeps them and the object not.
        ObjectNode object = (ObjectNode) Nulls.pruned(body);
        if (options.dryRun() == DryRun.CLIENT) {
            return ApplyResult.success(manifest, null, object, "created");
        }
        try {
            JsonNode created = connection.send(new Connection.Request("POST",
                    resource.collectionPath(namespace) + writeQuery(options), "application/json",
                    JsonWriter.marshal(object), "application/json"));
            return ApplyResult.success(manifest, null, created, "created");
        } catch (ApiException e) {
            throw options.forDiff() ? e : e.withSource("creating", manifest.source());
        }
    }

    private ApplyResult patch(Manifest manifest, ApiResource resource, String namespace, String path,
                              ObjectNode modified, JsonNode live, ApplyOptions options, PrintWriter warnings) {
        JsonNode current = live;
        for (int attempt = 0; ; attempt++) {
            ThreeWayPatch.Computed computed = patches.compute(resource, original(current), modified, current,
                    options.overwrite(), warnings);
            if (options.dryRun() == DryRun.CLIENT) {
                // kubectl up to 1.35 says "configured (dry run)" even for no change (1.36 says "unchanged"); the
                // object is the merged one, as 1.36 shows it, rather than the live one older versions printed.
                return ApplyResult.success(manifest, current,
                        computed.isEmpty() ? current : computed.applyTo(current), "configured");
            }
            if (computed.isEmpty()) {
                return ApplyResult.success(manifest, current, current, "unchanged");
            }
            Connection.Answer answer = connection.exchange(new Connection.Request("PATCH", path + writeQuery(options),
                    computed.type().contentType(), JsonWriter.marshal(computed.patch()), "application/json"));
            if (answer.code() >= 200 && answer.code() < 300) {
                return ApplyResult.success(manifest, current, answer.json(), "configured");
            }
            ApiException error = ApiException.ofAnswer(answer);
            if (error.isConflict() && attempt < MAX_CONFLICT_RETRIES) {
                // kubectl's Patcher: the first retry is immediate, later ones back off.
                if (attempt >= 1) {
                    pause(CONFLICT_BACKOFF);
                }
                current = connection.get(path);
                continue;
            }
            if ((error.isConflict() || error.isInvalid()) && options.force()) {
                return deleteAndCreate(manifest, resource, path, modified, current, options);
            }
            ApiException patching = error.withSource("patching", manifest.source());
            throw options.forDiff() ? patching : patching.withSource("applying patch:\n"
                    + JsonWriter.marshal(computed.patch()) + "\nto:\n" + describe(resource, namespace,
                    manifest.name()) + "\nfor:", manifest.source());
        }
    }

    /** {@code --force}: the object is replaced; if the new one is refused, the old one is put back. */
    private ApplyResult deleteAndCreate(Manifest manifest, ApiResource resource, String path, ObjectNode modified,
                                        JsonNode current, ApplyOptions options) {
        connection.send(new Connection.Request("DELETE", path, "application/json",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}",
                "application/json"));
        Instant deadline = Instant.now().plus(DELETE_TIMEOUT);
        while (connection.exchange(Connection.Request.get(path)).code() != 404) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalArgumentException("timed out waiting for " + resource.qualifiedPlural() + " \""
                        + manifest.name() + "\" to be deleted");
            }
            pause(Duration.ofMillis(200));
        }
        String collection = path.substring(0, path.lastIndexOf('/')) + writeQuery(options);
        try {
            JsonNode created = connection.send(new Connection.Request("POST", collection, "application/json",
                    JsonWriter.marshal(Nulls.pruned(modified)), "application/json"));
            return ApplyResult.success(manifest, current, created, "configured");
        } catch (ApiException e) {
            ObjectNode restore = current.deepCopy();
            restore.withObjectProperty("metadata").remove(List.of("resourceVersion", "uid", "creationTimestamp"));
            connection.send(new Connection.Request("POST", collection, "application/json", JsonWriter.marshal(restore),
                    "application/json"));
            throw e;
        }
    }

    private ApplyResult serverSideApply(Manifest manifest, ObjectNode object, String path, LiveListing listing,
                                        ApplyOptions options) {
        String query = writeQuery(options) + "&force=" + options.forceConflicts();
        // Only a server dry run (what diff does) reports the object as it was; a real apply needs no extra read.
        JsonNode live = null;
        if (options.dryRun() == DryRun.SERVER) {
            Optional<LiveListing.Settled> listed = listing.take(manifest.name());
            if (listed.isPresent()) {
                live = listed.get().object();
            } else {
                Connection.Answer answer = connection.exchange(Connection.Request.get(path));
                live = answer.code() == 200 ? answer.json() : null;
            }
        }
        try {
            JsonNode applied = connection.send(new Connection.Request("PATCH", path + query,
                    PatchType.APPLY.contentType(), JsonWriter.marshal(object), "application/json"));
            return ApplyResult.success(manifest, live, applied, "serverside-applied");
        } catch (ApiException e) {
            if (options.forDiff()) {
                throw e;
            }
            if (e.code() == 415) {
                throw new IllegalArgumentException("Server-side apply not available on the server: ("
                        + e.getMessage() + ")");
            }
            if (e.code() == 409) {
                // kubectl wraps the Status in a plain error here, so it prints as "error: ..." not "Error from server".
                throw new IllegalArgumentException(e.getMessage() + "\n" + SERVER_SIDE_CONFLICT_HELP);
            }
            throw e;
        }
    }

    private static JsonNode original(JsonNode current) {
        String text = LastAppliedConfiguration.original(current);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Connection.JSON.readTree(text);
        } catch (IOException e) {
            throw new PatchException("the " + LastAppliedConfiguration.ANNOTATION + " annotation is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    private static String writeQuery(ApplyOptions options) {
        StringBuilder query = new StringBuilder("?");
        if (options.dryRun() == DryRun.SERVER) {
            query.append("dryRun=All&");
        }
        query.append("fieldManager=").append(URLEncoder.encode(options.effectiveFieldManager(), StandardCharsets.UTF_8))
                .append("&fieldValidation=Strict");
        return query.toString();
    }

    private static boolean usedLater(Manifest crd, List<Manifest> rest) {
        JsonNode spec = crd.object().path("spec");
        String group = spec.path("group").asText();
        String kind = spec.path("names").path("kind").asText();
        return rest.stream().anyMatch(m -> m.kind().equals(kind) && m.apiVersion().startsWith(group + "/"));
    }

    /** Custom resources of a new CRD are only served once it is Established; discovery is then asked again. */
    private void awaitEstablished(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Connection.Answer answer = connection.exchange(Connection.Request.get(CRD_PATH + name));
            if (answer.code() == 200 && established(answer.json())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalArgumentException("timed out after " + timeout.toSeconds()
                        + "s waiting for customresourcedefinition \"" + name + "\" to be Established");
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static boolean established(JsonNode crd) {
        for (JsonNode condition : crd.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Established")
                    && condition.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    /** kubectl's {@code info.String()}, which its errors embed. */
    private static String describe(ApiResource resource, String namespace, String name) {
        String groupVersion = resource.group() + "/" + resource.version();
        return "Resource: \"" + groupVersion + ", Resource=" + resource.plural() + "\", GroupVersionKind: \""
                + groupVersion + ", Kind=" + resource.kind() + "\"\nName: \"" + name + "\", Namespace: \""
                + (namespace == null ? "" : namespace) + "\"";
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
        }
    }
}
