package dev.jctl.cli.command.cluster;

import picocli.CommandLine.Command;

/** {@code jctl cluster up|apiserver}: the embedded cluster runtime, in the foreground until SIGTERM. */
@Command(name = "cluster", description = "Run the embedded Kubernetes cluster runtime.",
        subcommands = {ClusterUpCommand.class, ApiServerCommand.class})
public final class ClusterCommand {
}
