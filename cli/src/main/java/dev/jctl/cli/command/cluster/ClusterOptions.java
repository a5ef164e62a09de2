package dev.jctl.cli.command.cluster;

import dev.jctl.runtime.apiserver.rest.ServiceRanges;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

    @Option(names = "--service-cluster-ip-range", paramLabel = "CIDR", description = "The IPv4 block Services get"
            + " their ClusterIP from, as kube-apiserver's flag (default: ${DEFAULT-VALUE}, kubeadm's).")
    String serviceClusterIpRange = ServiceRanges.DEFAULT_CLUSTER_IP_RANGE;

    @Option(names = "--service-node-port-range", paramLabel = "RANGE", description = "The ports NodePort Services"
            + " get theirs from, both ends included, as kube-apiserver's flag (default: ${DEFAULT-VALUE}).")
    String serviceNodePortRange = ServiceRanges.DEFAULT_NODE_PORT_RANGE;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The two ranges; a value kube-apiserver would refuse is a command-line error, in its words. */
    ServiceRanges serviceRanges() {
        try {
            return ServiceRanges.parse(serviceClusterIpRange, serviceNodePortRange);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
