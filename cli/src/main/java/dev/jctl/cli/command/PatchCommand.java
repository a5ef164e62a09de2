package dev.jctl.cli.command;

import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.cli.patch.LocalPatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jctl patch --local -f FILE --type strategic|merge|json -p PATCH | --patch-file F [-o yaml|json|name]}. */
@Command(name = "patch", description = {
        "Update fields of a resource using a strategic merge patch, a JSON merge patch, or a JSON patch.",
        "With --local the objects of -f FILE are patched and printed; no cluster is contacted."})
public final class PatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
            description = "The manifest (YAML or JSON) to patch; - reads standard input.")
    private Path file;

    @Option(names = "--local", description = "Patch the objects of -f FILE locally, without contacting a cluster.")
    private boolean local;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "strategic",
            description = "The type of patch: json, merge or strategic (default: ${DEFAULT-VALUE}).")
    private String type;

    @Option(names = {"-p", "--patch"}, paramLabel = "PATCH", description = "The patch, as JSON or YAML.")
    private String patch;

    @Option(names = "--patch-file", paramLabel = "FILE", description = "A file holding the patch, as JSON or YAML.")
    private Path patchFile;

    @Mixin
    private OutputOptions outputOptions;

    @Override
    public Integer call() throws IOException {
        if (!local) {
            throw usage("patching objects in a cluster is not supported yet: use --local -f FILE");
        }
        if (file == null) {
            throw usage("must specify -f FILE with --local");
        }
        if (patch != null && patchFile != null) {
            throw usage("cannot specify --patch and --patch-file together");
        }
        if (patch == null && patchFile == null) {
            throw usage("must specify --patch or --patch-file containing the contents of the patch");
        }
        LocalPatcher.Type patchType;
        ObjectPrinter printer;
        try {
            patchType = LocalPatcher.Type.parse(type);
            printer = outputOptions.printer();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String patchText = patch != null ? patch : LocalPatcher.readPatchFile(patchFile);
        PrintWriter out = spec.commandLine().getOut();
        LocalPatcher patcher = new LocalPatcher();
        List<LocalPatcher.Result> results = file.toString().equals("-")
                ? patcher.patch(System.in, patchText, patchType) : patcher.patch(file, patchText, patchType);
        for (LocalPatcher.Result result : results) {
            printer.print(out, result.patched(), result.changed() ? "patched" : "patched (no change)");
        }
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
