package dev.jctl.cli.apply;

import java.time.Duration;

/**
 * How to apply.
 *
 * @param fieldManager   the manager recorded in managedFields; null for kubectl's
 *                       ({@code kubectl-client-side-apply}, or {@code kubectl} with server-side apply) so that
 *                       objects look the same whichever tool applied them and switching tools causes no conflicts
 * @param overwrite      false refuses to overwrite fields changed on the server since the last apply
 * @param force          delete and re-create an object whose patch is refused as invalid or conflicting
 * @param establishTimeout how long to wait for a CRD to be Established before applying its custom resources
 * @param annotate       false leaves the last-applied annotation as it is, as kubectl diff does: its merged
 *                       object shows what changes, not the bookkeeping of the apply that would change it
 */
public record ApplyOptions(DryRun dryRun, boolean serverSide, boolean forceConflicts, String fieldManager,
                           boolean overwrite, boolean force, Duration establishTimeout, boolean annotate) {

    public static ApplyOptions defaults() {
        return new ApplyOptions(DryRun.NONE, false, false, null, true, false, Duration.ofSeconds(60), true);
    }

    public ApplyOptions withDryRun(DryRun value) {
        return new ApplyOptions(value, serverSide, forceConflicts, fieldManager, overwrite, force, establishTimeout, annotate);
    }

    public ApplyOptions withServerSide(boolean value, boolean forceConflictsValue) {
        return new ApplyOptions(dryRun, value, forceConflictsValue, fieldManager, overwrite, force, establishTimeout, annotate);
    }

    public ApplyOptions withFieldManager(String value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, value, overwrite, force, establishTimeout, annotate);
    }

    public ApplyOptions withOverwrite(boolean value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, value, force, establishTimeout, annotate);
    }

    public ApplyOptions withForce(boolean value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, overwrite, value, establishTimeout, annotate);
    }

    public ApplyOptions withoutAnnotation() {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, overwrite, force, establishTimeout,
                false);
    }

    /** The field manager sent with every write. */
    public String effectiveFieldManager() {
        if (fieldManager != null && !fieldManager.isEmpty()) {
            return fieldManager;
        }
        return serverSide ? "kubectl" : "kubectl-client-side-apply";
    }
}
