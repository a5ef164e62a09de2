package dev.jctl.cli.command.cluster;

import dev.jctl.cli.command.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jctl cluster apiserver}: the API server and its store alone. */
@Command(name = "apiserver", description = "Run only the API server in the foreground until SIGTERM.")
public final class ApiServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions options;

    @Override
    public Integer call() {
        return Foreground.run(options, GlobalOptions.of(spec).kubeconfig(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
