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
 * @param forDiff        the dry run kubectl diff makes: the last-applied annotation is left as it is (the merged
 *                       object shows what changes, not the bookkeeping of the apply that would change it) and
 *                       errors are diff's, without the context apply's messages add
 * @param concurrency    how many objects of the same {@link ApplyOrder} rank are applied at once (at least 1)
 */
public record ApplyOptions(DryRun dryRun, boolean serverSide, boolean forceConflicts, String fieldManager,
                           boolean overwrite, boolean force, Duration establishTimeout, boolean forDiff,
                           int concurrency) {
    /** Enough requests in flight to hide a round trip each, few enough not to crowd a small API server. */
    public static final int DEFAULT_CONCURRENCY = 8;

    public ApplyOptions {
        concurrency = Math.max(1, concurrency);
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(DryRun.NONE, false, false, null, true, false, Duration.ofSeconds(60), false,
                DEFAULT_CONCURRENCY);
    }

    public ApplyOptions withDryRun(DryRun value) {
        return new ApplyOptions(value, serverSide, forceConflicts, fieldManager, overwrite, force, establishTimeout, forDiff,
                concurrency);
    }

    public ApplyOptions withServerSide(boolean value, boolean forceConflictsValue) {
        return new ApplyOptions(dryRun, value, forceConflictsValue, fieldManager, overwrite, force, establishTimeout, forDiff,
                concurrency);
    }

    public ApplyOptions withFieldManager(String value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, value, overwrite, force, establishTimeout, forDiff,
                concurrency);
    }

    public ApplyOptions withOverwrite(boolean value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, value, force, establishTimeout, forDiff,
                concurrency);
    }

    public ApplyOptions withForce(boolean value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, overwrite, value, establishTimeout, forDiff,
                concurrency);
    }

    public ApplyOptions asDiff() {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, overwrite, force, establishTimeout,
                true, concurrency);
    }

    /** At most {@code value} objects at once; below 1 counts as 1, as kubectl diff's {@code --concurrency} does. */
    public ApplyOptions withConcurrency(int value) {
        return new ApplyOptions(dryRun, serverSide, forceConflicts, fieldManager, overwrite, force, establishTimeout,
                forDiff, value);
    }

    /** The field manager sent with every write. */
    public String effectiveFieldManager() {
        if (fieldManager != null && !fieldManager.isEmpty()) {
            return fieldManager;
        }
        return serverSide ? "kubectl" : "kubectl-client-side-apply";
    }
}
