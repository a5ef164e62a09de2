package dev.jctl.cli.command;

import dev.jctl.cli.apply.Applier;
import dev.jctl.cli.apply.ApplyOptions;
import dev.jctl.cli.apply.ApplyOrder;
import dev.jctl.cli.apply.ApplyResult;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.apply.ManifestSources;
import dev.jctl.cli.apply.health.LiveProgress;
import dev.jctl.cli.apply.health.Waiter;
import dev.jctl.cli.apply.prune.ApplySet;
import dev.jctl.cli.apply.prune.Pruning;
import dev.jctl.cli.client.Aggregate;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.BuilderException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.OpenApiDocuments;
import dev.jctl.cli.client.PendingConnection;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.diff.io.Manifest;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jctl apply -f PATH|URL|- [-R] [--server-side] [--dry-run=client|server] [-o yaml|json|name]
 * [--wait [--timeout D]] [--concurrency N]}.
 */
@Command(name = "apply", description = {
        "Apply a configuration to resources by file name, directory, URL or stdin, as kubectl apply does.",
        "Objects are created in dependency order: Namespaces and CRDs first, workloads last; the objects of one "
                + "step are applied --concurrency at a time, their lines printed in input order."})
public final class ApplyCommand implements Callable<Integer> {
    /** --wait's pause after a failed list or watch before the next, and its polling pace without watch. */
    private static final Duration WAIT_RETRY = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
            description = "The files, directories or URLs that contain the configuration to apply; - for stdin.")
    private List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    private boolean recursive;

    @Option(names = "--dry-run", paramLabel = "STRATEGY", arity = "0..1", fallbackValue = "client",
            description = "none, client (show what would be sent) or server (let the server check, persist nothing).")
    private String dryRun;

    @Option(names = "--server-side", description = "Apply on the server (server-side apply) instead of the client.")
    private boolean serverSide;

    @Option(names = "--force-conflicts", description = "With --server-side, take over fields other managers own.")
    private boolean forceConflicts;

    @Option(names = "--field-manager", paramLabel = "NAME",
            description = "The field manager recorded for the changes (default: kubectl's, so either tool can take over).")
    private String fieldManager;

    @Option(names = "--overwrite", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Overwrite fields changed on the server since the last apply (default: true).")
    private boolean overwrite;

    @Option(names = "--force", description = "Delete and re-create objects whose update the server refuses.")
    private boolean force;

    @Mixin
    private OutputOptions outputOptions;

    @Option(names = "--wait", description = "Wait until every applied object is healthy (rolled out, complete, "
            + "ready, bound, established); exit 1 naming each one that is not when --timeout runs out.")
    private boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long --wait waits, like 30s, 2m or 1h (default: 5m).")
    private String timeout;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Apply only the objects with these labels (e.g. app=web); with --prune, prune only those too.")
    private String selector;

    @Option(names = "--prune", description = "Delete objects that were applied before but are no longer in the input: "
            + "with -l or --all (and --prune-allowlist), or with --applyset.")
    private boolean prune;

    @Option(names = "--all", description = "With --prune and no -l: consider every object of the allowlisted kinds.")
    private boolean all;

    @Option(names = "--prune-allowlist", paramLabel = "GROUP/VERSION/KIND",
            description = "Prune only these kinds (core/v1/ConfigMap, apps/v1/Deployment, ...) instead of kubectl's list.")
    private List<String> pruneAllowlist = new ArrayList<>();

    @Option(names = "--applyset", paramLabel = "[RESOURCE/]NAME",
            description = "Track the applied objects in this ApplySet (a Secret unless configmaps/NAME) and prune its "
                    + "members missing from the input; kubectl's KUBECTL_APPLYSET=true --applyset sees the same set.")
    private String applySet;

    @Option(names = "--prune-allow-empty", description = "With --prune, accept an input without objects and prune "
            + "everything the selector or ApplySet covers (refused otherwise, as an empty render is usually a mistake).")
    private boolean pruneAllowEmpty;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + ApplyOptions.DEFAULT_CONCURRENCY,
            description = "How many objects to apply at once; objects wait for the kinds they depend on (Namespaces, "
                    + "CRDs, ...) whatever this is (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Override
    public Integer call() {
        DryRun strategy;
        ObjectPrinter printer;
        Duration waitTimeout;
        try {
            strategy = DryRun.parse(dryRun);
            printer = outputOptions.printer();
            waitTimeout = Durations.parse(timeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (strategy == DryRun.CLIENT && serverSide) {
            throw new ParameterException(spec.commandLine(), "--dry-run=client doesn't work with --server-side "
                    + "(did you mean --dry-run=server instead?)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pruning pruning = Pruning.of(prune, selector, all, pruneAllowlist, applySet, pruneAllowEmpty, serverSide,
                force);
        PendingConnection pending = PendingConnection.start(connectionOptions.settings(spec));
        List<Manifest> selected;
        try {
            ManifestSources.Reading input = new ManifestSources(System.in).readAll(filenames, recursive, true);
            if (!input.errors().isEmpty()) {
                pending.abandon();
                // kubectl applies the objects around a file it cannot read (those before the bad document in it too);
                // jctl applies none, and says what kubectl says about the files.
                Failures unreadable = new Failures();
                unreadable.add(Aggregate.continuedPast(List.of(), input.errors()));
                return unreadable.print(err);
            }
            selected = pruning.select(input.manifests());
        } catch (RuntimeException e) {
            pending.abandon();
            throw e;
        }
        ApplyOptions options = ApplyOptions.defaults().withDryRun(strategy).withServerSide(serverSide, forceConflicts)
                .withFieldManager(fieldManager).withOverwrite(overwrite).withForce(force).withConcurrency(concurrency);
        List<ApplyResult> failed = new ArrayList<>();
        List<ApplyResult> applied = new ArrayList<>();
        Waiter.Result waited = null;
        try (Connection connection = pending.get()) {
            Discovery discovery = new Discovery(connection);
            Applier applier = new Applier(connection, discovery, new OpenApiDocuments(connection), err);
            ApplySet set = pruning.openApplySet(connection, discovery);
            List<Manifest> manifests = pruning.beforeApply(set, selected, strategy, err);
            List<ApplyResult> results = applier.apply(manifests, options, result -> {
                if (result.failed()) {
                    failed.add(result);
                } else if (outputOptions.printsEachObject()) {
                    printer.print(out, result.object(), result.operation() + strategy.suffix());
                } else {
                    applied.add(result);
                }
            });
            failed.sort(ApplyOrder.asGiven(manifests));
            pruning.afterApply(connection, discovery, set, results, strategy, err,
                    object -> printer.print(out, object, "pruned" + strategy.suffix()));
            // Nothing changed in a dry run, and after a failed apply the outcome is already an error.
            if (wait && strategy == DryRun.NONE && failed.isEmpty()) {
                Waiter waiter = new Waiter(connection, discovery, WAIT_RETRY);
                waited = waiter.await(waiter.targets(results), waitTimeout,
                        LiveProgress.choose(out, err, System.console() != null, System.getenv()));
            }
        } catch (ApiException e) {
            Failures failures = new Failures();
            failures.add(e);
            return failures.print(err);
        }
        if (!applied.isEmpty()) {
            Printing.printApplied(out, printer, applied.stream().map(ApplyResult::object).toList());
        }
        if (waited != null && outputOptions.output == null && outputOptions.template == null) {
            // Only the default output has room for these lines: -o name|yaml|json is read by programs.
            waited.readyLines().forEach(out::println);
            out.flush();
        }
        return report(err, failed, waited);
    }

    /**
     * Prints the errors as kubectl orders them: what its resource builder refused while reading the input, then
     * each object's error; then what --wait found.
     */
    private static int report(PrintWriter err, List<ApplyResult> failed, Waiter.Result waited) {
        List<RuntimeException> visiting = new ArrayList<>();
        List<RuntimeException> reading = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (ApplyResult result : failed) {
            if (result.error() instanceof BuilderException refusal) {
                (refusal.stage() == BuilderException.Stage.READ ? reading : visiting).add(refusal);
            } else {
                errors.add(result.error());
            }
        }
        Failures failures = new Failures();
        failures.add(Aggregate.continuedPast(visiting, reading));
        errors.forEach(failures::add);
        if (waited != null) {
            waited.errorLines().forEach(failures::add);
        }
        return failures.print(err);
    }
}
