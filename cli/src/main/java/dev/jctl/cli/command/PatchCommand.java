package dev.jctl.cli.command;

import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.cli.patch.ObjectPatcher;
import dev.jctl.cli.patch.PatchDocument;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.cli.select.Selection;
import dev.jctl.diff.PatchException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jctl patch (-f FILE | TYPE NAME | TYPE/NAME) (-p PATCH | --patch-file F) [--type T] [--local] ...}. */
@Command(name = "patch", description = {
        "Update fields of a resource using a strategic merge patch, a JSON merge patch, or a JSON patch.",
        "JSON and YAML formats are accepted. A strategic merge patch is not supported for custom resources.",
        "With --local the objects of -f FILE are patched and printed; no cluster is contacted."})
public final class PatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE NAME | TYPE/NAME", arity = "0..*", description = "The objects to patch.")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "Files, directories or URLs naming the objects to patch; - reads standard input.")
    private List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    private boolean recursive;

    @Option(names = "--local", description = "Patch the objects of -f as written and print them; no cluster is contacted.")
    private boolean local;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "strategic",
            description = "The type of patch: json, merge or strategic (default: ${DEFAULT-VALUE}).")
    private String type;

    @Option(names = {"-p", "--patch"}, paramLabel = "PATCH", description = "The patch, as JSON or YAML.")
    private String patch;

    @Option(names = "--patch-file", paramLabel = "FILE", description = "A file holding the patch, as JSON or YAML.")
    private String patchFile;

    @Option(names = "--dry-run", paramLabel = "STRATEGY", arity = "0..1", fallbackValue = "client",
            description = "none, client (patch here, send nothing) or server (let the server patch, persist nothing).")
    private String dryRun;

    @Option(names = "--field-manager", paramLabel = "NAME", defaultValue = ObjectPatcher.FIELD_MANAGER,
            description = "The name of the manager of the change (default: ${DEFAULT-VALUE}).")
    private String fieldManager;

    @Option(names = "--subresource", paramLabel = "NAME",
            description = "Patch this subresource of the objects, e.g. status or scale.")
    private String subresource;

    @Mixin
    private OutputOptions outputOptions;

    @Override
    public Integer call() {
        DryRun strategy = DryRun.parse(dryRun);
        PatchDocument.Type patchType = validate(strategy);
        String text = isSet(patchFile) ? PatchDocument.readFile(Path.of(patchFile)) : patch;
        PatchDocument document = PatchDocument.of(patchType, text, isSet(patch) ? patch : "");
        Selection selection = new Selection(arguments, filenames, recursive, null, false, false);
        if (local) {
            return visit(ObjectFinder.local(selection, System.in),
                    new ObjectPatcher(null, document, strategy, fieldManager, subresource));
        }
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            ObjectFinder.Found found = new ObjectFinder(connection, new Discovery(connection), System.in)
                    .filesAsWritten().atSubresource(subresource).find(selection);
            return visit(found, new ObjectPatcher(connection, document, strategy, fieldManager, subresource));
        }
    }

    /** kubectl's Validate, in its order; each mistake is an error with exit code 1, as there. */
    private PatchDocument.Type validate(DryRun strategy) {
        if (isSet(patch) && isSet(patchFile)) {
            throw new IllegalArgumentException("cannot specify --patch and --patch-file together");
        }
        if (!isSet(patch) && !isSet(patchFile)) {
            throw new IllegalArgumentException("must specify --patch or --patch-file containing the contents of the patch");
        }
        if (local && !arguments.isEmpty()) {
            throw new IllegalArgumentException("cannot specify --local and server resources");
        }
        if (local && strategy == DryRun.SERVER) {
            throw new IllegalArgumentException("cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
        }
        return isSet(type) ? PatchDocument.Type.parse(type) : PatchDocument.Type.STRATEGIC;
    }

    /**
     * Patches each object in turn, going on past failures, which are reported at the end as kubectl does. The
     * printer is made before the first patch so that a wrong {@code -o} leaves everything as it was (kubectl
     * finds out only after its first patch).
     */
    private int visit(ObjectFinder.Found found, ObjectPatcher patcher) {
        ObjectPrinter printer = outputOptions.printer();
        if (found.items().isEmpty()) {
            throw new IllegalArgumentException("no objects passed to patch");
        }
        PrintWriter out = spec.commandLine().getOut();
        Failures failures = new Failures();
        for (ObjectFinder.Item item : found.items()) {
            if (item.error() != null) {
                failures.add(item.error());
                continue;
            }
            try {
                ObjectPatcher.Result result = patcher.patch(item);
                // kubectl patch sets its printer's operation after the dry-run suffix was added, so none is shown.
                printer.print(out, result.after(), result.operation());
            } catch (ApiException | PatchException e) {
                failures.add(e);
            }
        }
        return failures.print(spec.commandLine().getErr());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
