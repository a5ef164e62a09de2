package dev.jctl.runtime.apiserver;

import dev.jctl.runtime.ClusterRuntime;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A child-process API server for {@link ChildJvm}: {@code ApiServerMain <dataDir> <sqlite|memory>} starts the
 * cluster runtime on a free port with its kubeconfig, CA and token in the data dir and prints {@code ready <port>}.
 * SIGTERM closes it as {@code jctl cluster up} does; SIGKILL is what the crash test sends.
 */
public final class ApiServerMain {
    private ApiServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        ClusterRuntime runtime = ClusterRuntime.start(ClusterRuntime.Options.of(dataDir)
                .withKubeconfig(dataDir.resolve("kubeconfig")).withStorage(args[1], null));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "apiserver-shutdown"));
        System.out.println("ready " + runtime.port());
        System.out.flush();
        new CountDownLatch(1).await(); // serves until the process is signalled
    }
}
