package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.ssa.FieldManagement;
import dev.jctl.diff.ssa.FieldSet;
import dev.jctl.diff.ssa.FieldSetException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.rest.ApiRequest;
import dev.jctl.runtime.apiserver.rest.Updater;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Records an ordinary create, update or patch in managedFields as an {@code Update} operation: the writer (the
 * fieldManager parameter, else the program name of the User-Agent as upstream takes it) gains what it added or
 * changed, every other manager loses it.
 */
public final class UpdateRecorder {
    /** managedFields times are wall-clock seconds, as upstream's. */
    private static final Clock CLOCK = Clock.systemUTC();

    private UpdateRecorder() {
    }

    /** The bookkeeping of a PUT or PATCH through {@code request}, for the updater to run on each write. */
    public static Updater.BeforeWrite forRequest(ApiRequest request) {
        String manager = managerOf(request);
        return (current, next) -> record(request.target().kind(), current, next, manager,
                request.target().subresource());
    }

    /** The manager of a request: {@code kubectl-client-side-apply}, {@code kubectl-edit}, {@code Go-http-client}... */
    public static String managerOf(ApiRequest request) {
        String manager = request.param("fieldManager");
        if (manager != null && !manager.isEmpty()) {
            return manager;
        }
        String agent = request.userAgent();
        return agent == null ? "" : agent.split("/", -1)[0];
    }

    /**
     * Sets {@code after}'s managedFields: those it carries when the writer sent some, else {@code before}'s
     * ({@code before} is null for a create), updated with this write.
     */
    public static void record(KindInfo kind, ObjectNode before, ObjectNode after, String managerName, String subresource) {
        ManagedFields managed = ManagedFields.of(before == null || ManagedFields.present(after) ? after : before);
        Manager writer = new Manager(managerName, Manager.UPDATE, kind.apiVersion(), subresource);
        // FieldManagement.update only reads both sides
        ObjectNode from = before == null ? emptyObject() : ManagedFields.viewWithoutManagedFields(before);
        ObjectNode to = ManagedFields.viewWithoutManagedFields(after);
        Map<String, FieldSet> next;
        try {
            next = FieldManagement.update(from, to, CatalogSchema.forKind(kind), managed.sets(), writer.id());
        } catch (FieldSetException e) {
            // Upstream's UpdateNoErrors: bookkeeping never fails a write (validation reports the bad object);
            // managedFields that cannot be computed are dropped rather than left wrong.
            Json.metadata(after).remove("managedFields");
            return;
        }
        boolean touched = !from.equals(to);
        managed.write(after, next, writer, touched, CLOCK.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * What upstream compares a create against: a new Go object, whose metadata and spec structs are there before
     * any field is set - so creating never owns them as containers.
     */
    private static ObjectNode emptyObject() {
        ObjectNode empty = Json.object();
        empty.putObject("metadata");
        empty.putObject("spec");
        return empty;
    }
}
