package dev.jctl.cli.command;

import dev.jctl.cli.BuildInfo;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.YamlWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jctl version [-o json|yaml]}, shaped like {@code kubectl version --client}. The plain form loads no
 * Jackson class (picocli reads this class's signatures, so the tree is built in {@link VersionDocument}).
 */
@Command(name = "version", description = "Print the jctl version, the git commit it was built from and the Java version.")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "One of 'yaml' or 'json'.")
    private String output;

    @Override
    public Integer call() {
        BuildInfo info = BuildInfo.current();
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.println("Client Version: v" + info.version());
            out.println("Git Commit: " + info.gitCommit() + ("dirty".equals(info.treeState()) ? " (dirty)" : ""));
            out.println("Java Version: " + info.javaVersion() + " (" + info.javaVendor() + ")");
        } else if (output.equals("json")) {
            out.print(JsonWriter.twoSpacesTreeOrder().write(VersionDocument.of(info)));
        } else if (output.equals("yaml")) {
            out.print(YamlWriter.sortedKeys().write(VersionDocument.of(info)));
        } else {
            throw new ParameterException(spec.commandLine(), "--output must be 'yaml' or 'json'");
        }
        out.flush();
        return 0;
    }
}
