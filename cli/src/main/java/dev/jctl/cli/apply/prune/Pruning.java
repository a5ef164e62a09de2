package dev.jctl.cli.apply.prune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.ApplyResult;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.diff.io.Manifest;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The prune flags of {@code apply} and the steps they add around applying: filter the input by {@code -l}, refuse
 * an empty input, label ApplySet members and widen the parent, then prune in the chosen mode. Only the command's
 * flag values come in, so the command stays a parser and printer.
 */
public final class Pruning {
    /** Why an empty input is refused: it is most often a rendering or path mistake, not a wish to delete. */
    private static final String EMPTY_HINT = "pass --prune-allow-empty to apply nothing and prune them all";

    private final boolean prune;
    private final PruneSelector selector;
    private final String applySetReference;
    private final boolean allowEmpty;

    private Pruning(boolean prune, PruneSelector selector, String applySetReference, boolean allowEmpty) {
        this.prune = prune;
        this.selector = selector;
        this.applySetReference = applySetReference;
        this.allowEmpty = allowEmpty;
    }

    /** Checks the flags together, with kubectl's messages where kubectl has the same rule. */
    public static Pruning of(boolean prune, String labelSelector, boolean all, List<String> allowlist,
                             String applySet, boolean allowEmpty, boolean serverSide, boolean force) {
        boolean hasSelector = labelSelector != null && !labelSelector.isEmpty();
        if (all && hasSelector) {
            throw new IllegalArgumentException("cannot set --all and --selector at the same time");
        }
        if (applySet != null && !prune) {
            throw new IllegalArgumentException("--applyset requires --prune");
        }
        if (allowEmpty && !prune) {
            throw new IllegalArgumentException("--prune-allow-empty requires --prune");
        }
        if (prune) {
            if (force) {
                throw new IllegalArgumentException("--force cannot be used with --prune");
            }
            if (applySet != null) {
                if (all) {
                    throw new IllegalArgumentException("--all is incompatible with --applyset");
                } else if (hasSelector) {
                    throw new IllegalArgumentException("--selector is incompatible with --applyset");
                } else if (!allowlist.isEmpty()) {
                    throw new IllegalArgumentException("--prune-allowlist is incompatible with --applyset");
                }
            } else {
                if (!all && !hasSelector) {
                    throw new IllegalArgumentException("all resources selected for prune without explicitly passing "
                            + "--all. To prune all resources, pass the --all flag. If you did not mean to prune all "
                            + "resources, specify a label selector");
                }
                if (serverSide) {
                    throw new IllegalArgumentException("--prune is in alpha and doesn't currently work on objects "
                            + "created by server-side apply");
                }
            }
        }
        return new Pruning(prune, PruneSelector.of(labelSelector, allowlist), applySet, allowEmpty);
    }

    /**
     * The input objects {@code -l} selects. None is kubectl's "no objects passed to apply"; with {@code --prune}
     * the message says what applying nothing would have deleted, unless {@code --prune-allow-empty} asks for it.
     */
    public List<Manifest> select(List<Manifest> manifests) {
        List<Manifest> selected = manifests.stream().filter(selector::selects).toList();
        if (!selected.isEmpty() || prune && allowEmpty) {
            return selected;
        }
        if (!prune) {
            throw new IllegalArgumentException("no objects passed to apply");
        }
        String scope = applySetReference != null ? "every member of ApplySet " + applySetReference
                : selector.query().isEmpty() ? "every object of the allowlisted kinds (--all)"
                : "every object selected by -l " + selector.query();
        throw new IllegalArgumentException("no objects passed to apply; refusing to prune " + scope + " ("
                + EMPTY_HINT + ")");
    }

    /** The ApplySet of {@code --applyset}, opened, or null in selector mode or without {@code --prune}. */
    public ApplySet openApplySet(Connection connection, Discovery discovery) {
        return applySetReference == null ? null : ApplySet.parse(applySetReference, connection, discovery);
    }

    /** With an ApplySet: the members labelled, after the parent has been widened to cover them. */
    public List<Manifest> beforeApply(ApplySet applySet, List<Manifest> manifests, DryRun dryRun, PrintWriter warnings) {
        if (applySet == null) {
            return manifests;
        }
        List<Manifest> members = applySet.labelled(manifests);
        applySet.beforeApply(members, dryRun, warnings);
        return members;
    }

    /** Prunes after a fully successful apply; kubectl does not prune when any object failed, nor does jctl. */
    public void afterApply(Connection connection, Discovery discovery, ApplySet applySet, List<ApplyResult> results,
                           DryRun dryRun, PrintWriter warnings, Consumer<JsonNode> pruned) {
        if (!prune || results.stream().anyMatch(ApplyResult::failed)) {
            return;
        }
        Set<String> uids = new HashSet<>();
        Set<String> namespaces = new HashSet<>();
        for (ApplyResult result : results) {
            JsonNode metadata = result.object().path("metadata");
            uids.add(metadata.path("uid").asText());
            if (!metadata.path("namespace").asText().isEmpty()) {
                namespaces.add(metadata.path("namespace").asText());
            }
        }
        // kubectl adds -n's namespace; with nothing applied, the default namespace is where the objects had been.
        if (connection.namespaceEnforced() || results.isEmpty()) {
            namespaces.add(connection.namespace());
        }
        Pruner pruner = new Pruner(connection);
        if (applySet != null) {
            applySet.prune(pruner, uids, dryRun, pruned);
            applySet.afterPrune(dryRun, warnings);
            return;
        }
        if (selector.defaultAllowlist() && connection.namespaceEnforced()) {
            warnings.println("Warning: Deprecated: jctl apply, like kubectl apply, will no longer prune non-namespaced "
                    + "resources by default when used with the --namespace flag in a future release. To preserve the "
                    + "current behaviour, list the resources you want to target explicitly in the --prune-allowlist "
                    + "flag.");
            warnings.flush();
        }
        pruner.prune(selector.scopes(discovery, namespaces), selector.query(), PruneSelector::madeByApply, uids,
                dryRun, pruned);
    }
}
