package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.Yaml;
import dev.jctl.diff.ssa.ApplyConflictException;
import dev.jctl.diff.ssa.Conflict;
import dev.jctl.diff.ssa.FieldManagement;
import dev.jctl.diff.ssa.FieldSetException;
import dev.jctl.diff.ssa.Schema;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.rest.ApiRequest;
import dev.jctl.runtime.apiserver.rest.Creator;
import dev.jctl.runtime.apiserver.rest.FieldValidation;
import dev.jctl.runtime.apiserver.rest.ObjectStore;
import dev.jctl.runtime.apiserver.rest.Reply;
import dev.jctl.runtime.apiserver.rest.RequestTarget;
import dev.jctl.runtime.apiserver.rest.Updater;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}): the applied configuration is merged
 * into the live object - or creates it - under field ownership, answering 409 with the conflicting fields unless
 * {@code force=true}. In upstream's order: a patch with fields its kind's schema does not declare fails first
 * ({@link TypedPatch}), then conflicts, then the keys the patch repeats under {@code fieldValidation}.
 */
public final class ServerSideApplier {
    public static final String APPLY_PATCH = "application/apply-patch+yaml";

    private final ObjectStore store;
    private final Creator creator;
    private final Updater updater;
    private final Clock clock;

    public ServerSideApplier(ObjectStore store, Creator creator, Updater updater, Clock clock) {
        this.store = store;
        this.creator = creator;
        this.updater = updater;
        this.clock = clock;
    }

    /** The problems of an apply's PatchOptions found before fieldValidation's: a field manager is required. */
    public static List<ApiException.Cause> optionProblems(ApiRequest request) {
        String manager = request.param("fieldManager");
        if (manager == null || manager.isEmpty()) {
            return List.of(new ApiException.Cause("FieldValueRequired", "Required value: is required for apply patch",
                    "fieldManager"));
        }
        return List.of();
    }

    /**
     * Applies the request's patch; {@code fields} is the request's fieldValidation, read once its options passed
     * {@link #optionProblems}.
     */
    public Reply apply(ApiRequest request, FieldValidation fields) {
        RequestTarget target = request.target();
        KindInfo kind = target.kind();
        if (target.subresource() != null) {
            throw ApiException.badRequest("server-side apply is served for the main resource only");
        }
        Yaml.Lenient patch = decode(request.body());
        ObjectNode config = configuration(request, kind, patch.tree());
        TypedApply.checkConfiguration(kind, config, CatalogSchema.forKind(kind));
        boolean force = "true".equals(request.param("force"));
        Manager applier = new Manager(request.param("fieldManager"), Manager.APPLY, kind.apiVersion(), null);
        UnaryOperator<ObjectNode> apply = live -> {
            ObjectNode merged = merge(kind, live, config, applier, force);
            // upstream decodes the patch strictly only once it is applied, so conflicts come first
            fields.applied(patch.repeatedKeys());
            return merged;
        };
        boolean pinned = Json.metadata(config).hasNonNull("resourceVersion");
        for (int attempt = 1; ; attempt++) {
            if (store.find(kind, target.namespace(), target.name()) != null) {
                return Reply.ok(updater.update(target, apply, Updater.Scope.MAIN, !pinned, request.dryRun()));
            }
            try {
                ObjectNode created = apply.apply(Json.object());
                if (kind.namespaced()) {
                    Json.metadata(created).put("namespace", target.namespace());
                }
                return new Reply(201, creator.create(kind, created, request.dryRun()));
            } catch (ApiException e) {
                // Someone created it between our look-up and our create: apply to theirs.
                if (!e.reason().equals("AlreadyExists") || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** The patch as kube-apiserver decodes it: YAML or JSON, a repeated key keeping its last value. */
    private static Yaml.Lenient decode(byte[] body) {
        try {
            return Yaml.parseLenient(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("error decoding YAML: " + e.getMessage());
        }
    }

    /**
     * The applied object of this kind and name, which the kind's schema must declare every field of; status is not
     * the main resource's to apply.
     */
    private static ObjectNode configuration(ApiRequest request, KindInfo kind, JsonNode parsed) {
        if (!(parsed instanceof ObjectNode config)) {
            throw ApiException.badRequest("the body of an apply patch must be an object");
        }
        String apiVersion = Json.text(config, "apiVersion", "");
        String kindName = Json.text(config, "kind", "");
        if (!apiVersion.equals(kind.apiVersion()) || !kindName.equals(kind.kind())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion + ") does not match the"
                    + " expected API version (" + kind.apiVersion() + ")");
        }
        String name = Json.text(Json.metadata(config), "name", "");
        if (!name.equals(request.target().name())) {
            throw ApiException.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                    + request.target().name() + ")");
        }
        if (ManagedFields.present(config)) {
            throw ApiException.badRequest("metadata.managedFields must be nil");
        }
        TypedPatch.check(kind, config);
        if (kind.hasStatus()) {
            config.remove("status");
        }
        return config;
    }

    private ObjectNode merge(KindInfo kind, ObjectNode live, ObjectNode config, Manager applier, boolean force) {
        ManagedFields managed = ManagedFields.of(live);
        ObjectNode current = ManagedFields.withoutManagedFields(live);
        Schema schema = CatalogSchema.forKind(kind);
        FieldManagement.Result result;
        try {
            result = FieldManagement.apply(current, config, schema, managed.sets(), applier.id(), force);
        } catch (ApplyConflictException e) {
            throw conflict(managed, e.conflicts());
        } catch (FieldSetException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ObjectNode next = result.object() == null ? current : (ObjectNode) result.object();
        TypedApply.checkMerged(kind, config, next);
        managed.write(next, result.managers(), applier, result.object() != null,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        return next;
    }

    /** Upstream's apply conflict: one cause per field, the message grouping fields by manager when several. */
    private static ApiException conflict(ManagedFields managed, List<Conflict> conflicts) {
        List<ApiException.Cause> causes = new ArrayList<>();
        for (Conflict c : conflicts) {
            causes.add(new ApiException.Cause("FieldManagerConflict",
                    "conflict with " + managed.manager(c.manager()).describe(), c.path().toString()));
        }
        String message;
        if (conflicts.size() == 1) {
            Conflict c = conflicts.get(0);
            message = "Apply failed with 1 conflict: conflict with " + managed.manager(c.manager()).describe() + ": "
                    + c.path();
        } else {
            List<String> lines = new ArrayList<>();
            String previous = null;
            for (Conflict c : conflicts) {
                if (!c.manager().equals(previous)) {
                    lines.add("conflicts with " + managed.manager(c.manager()).describe() + ":");
                    previous = c.manager();
                }
                lines.add("- " + c.path());
            }
            message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
        }
        return new ApiException(409, "Conflict", message, null, null, null, causes);
    }
}
