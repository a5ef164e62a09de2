package dev.jctl.cli.command;

import dev.jctl.cli.apply.Applier;
import dev.jctl.cli.apply.ApplyOptions;
import dev.jctl.cli.apply.ApplyResult;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.apply.ManifestSources;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.OpenApiDocuments;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.diff.io.Manifest;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jctl apply -f PATH|URL|- [-R] [--server-side] [--dry-run=client|server] [-o yaml|json|name]}. */
@Command(name = "apply", description = {
        "Apply a configuration to resources by file name, directory, URL or stdin, as kubectl apply does.",
        "Objects are created in dependency order: Namespaces and CRDs first, workloads last."})
public final class ApplyCommand implements Callable<Integer> {
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

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "One of yaml, json or name.")
    private String output;

    @Override
    public Integer call() {
        DryRun strategy;
        ObjectPrinter printer;
        try {
            strategy = DryRun.parse(dryRun);
            printer = ObjectPrinter.forOutput(output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (strategy == DryRun.CLIENT && serverSide) {
            throw new ParameterException(spec.commandLine(), "--dry-run=client doesn't work with --server-side "
                    + "(did you mean --dry-run=server instead?)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Manifest> manifests = new ManifestSources(System.in).read(filenames, recursive);
        if (manifests.isEmpty()) {
            err.println("error: no objects passed to apply");
            err.flush();
            return 1;
        }
        ApplyOptions options = ApplyOptions.defaults().withDryRun(strategy).withServerSide(serverSide, forceConflicts)
                .withFieldManager(fieldManager).withOverwrite(overwrite).withForce(force);
        List<String> errors = new ArrayList<>();
        List<ApplyResult> applied = new ArrayList<>();
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            Applier applier = new Applier(connection, new Discovery(connection), new OpenApiDocuments(connection), err);
            applier.apply(manifests, options, result -> {
                if (result.failed()) {
                    errors.add(result.error());
                } else if (output == null || output.equals("name")) {
                    printer.print(out, result.object(), result.operation() + strategy.suffix());
                } else {
                    applied.add(result);
                }
            });
        } catch (ApiException e) {
            err.println(e.kubectlMessage());
            err.flush();
            return 1;
        }
        if (!applied.isEmpty()) {
            Printing.printApplied(out, output, printer, applied.stream().map(ApplyResult::object).toList());
        }
        for (String error : errors) {
            err.println(error);
        }
        err.flush();
        return errors.isEmpty() ? 0 : 1;
    }
}
