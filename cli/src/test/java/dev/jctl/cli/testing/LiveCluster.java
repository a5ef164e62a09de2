package dev.jctl.cli.testing;

import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.ConnectionSettings;
import dev.jctl.runtime.ClusterRuntime;
import java.nio.file.Path;

/**
 * The project's API server, in process on a free port with the memory store, reached through the kubeconfig it
 * writes (HTTPS, bearer token): the same way kubectl and jctl reach any cluster.
 */
public final class LiveCluster implements AutoCloseable {
    private final ClusterRuntime runtime;
    private final Path kubeconfig;
    private final Path cacheDir;

    private LiveCluster(ClusterRuntime runtime, Path kubeconfig, Path cacheDir) {
        this.runtime = runtime;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    public static LiveCluster start(Path dir) {
        Path kubeconfig = dir.resolve("kubeconfig");
        ClusterRuntime runtime = ClusterRuntime.start(ClusterRuntime.Options.of(dir.resolve("data"))
                .withKubeconfig(kubeconfig).withStorage("memory", null));
        return new LiveCluster(runtime, kubeconfig, dir.resolve("cache"));
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A discovery cache directory of this cluster's own, for jctl and kubectl alike. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** A new connection (close it) in {@code namespace}. */
    public Connection connect(String namespace) {
        return Connection.open(new ConnectionSettings(kubeconfig, null, namespace, cacheDir.resolve("jctl")));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
