package dev.jctl.cli.command;

import dev.jctl.cli.client.ConnectionSettings;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of the commands that talk to a cluster, beyond the global ones: kubectl's {@code --cache-dir}. */
public final class ConnectionOptions {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Default cache directory (default: ~/.kube/cache), where discovery is kept for 6 hours.")
    private Path cacheDir;

    /** The cluster the global options and this command's options select. */
    public ConnectionSettings settings(CommandSpec spec) {
        GlobalOptions global = GlobalOptions.of(spec);
        return new ConnectionSettings(global.kubeconfig(), global.context(), global.namespace(), cacheDir);
    }
}
