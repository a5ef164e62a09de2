package dev.jctl.cli.command.cluster;

import dev.jctl.cli.command.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jctl cluster up}: every component of the runtime; today that is the API server and its store. */
@Command(name = "up", description = "Run the cluster in the foreground until SIGTERM; prints a 'ready' line once"
        + " the API answers.")
public final class ClusterUpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions options;

    @Override
    public Integer call() {
        return Foreground.run(options, GlobalOptions.of(spec).kubeconfig(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
