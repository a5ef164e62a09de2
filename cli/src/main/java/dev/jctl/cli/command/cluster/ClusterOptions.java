package dev.jctl.cli.command.cluster;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options every cluster component command takes. The global {@code --kubeconfig} says where the kubeconfig
 * is written; without it the jctl context is merged into $KUBECONFIG or ~/.kube/config, as kind does.
 */
public final class ClusterOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the store, certificates and token live"
            + " (default: ~/.jctl/cluster).")
    Path dataDir = Path.of(System.getProperty("user.home"), ".jctl", "cluster");

    @Option(names = "--port", paramLabel = "N", description = "HTTPS port on 127.0.0.1; 0 picks a free port"
            + " (default: ${DEFAULT-VALUE}).")
    int port = 6443;

    @Option(names = "--storage", paramLabel = "KIND", description = "sqlite, etcd or memory (default:"
            + " ${DEFAULT-VALUE}).")
    String storage = "sqlite";

    @Option(names = "--etcd-endpoints", paramLabel = "URLS", description = "Comma-separated etcd client URLs, for"
            + " --storage etcd.")
    String etcdEndpoints;
}
