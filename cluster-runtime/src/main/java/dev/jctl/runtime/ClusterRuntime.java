package dev.jctl.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.ApiServer;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.rest.ServiceRanges;
import dev.jctl.runtime.apiserver.security.BearerToken;
import dev.jctl.runtime.apiserver.security.KubeconfigWriter;
import dev.jctl.runtime.apiserver.security.TlsMaterial;
import dev.jctl.runtime.storage.Storage;
import dev.jctl.runtime.storage.StorageFactory;
import dev.jctl.runtime.storage.WindowCompactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The embedded cluster: its store, the API server over it, and the kubeconfig that reaches it. For now the API
 * server is the only component; controllers, scheduler and kubelet join in later issues, talking to it only.
 * {@code jctl cluster up} and the tests start it the same way: {@code ClusterRuntime.start(options)}.
 */
public final class ClusterRuntime implements AutoCloseable {
    private static final List<String> SYSTEM_NAMESPACES =
            List.of("default", "kube-system", "kube-public", "kube-node-lease");

    /**
     * @param kubeconfig       the file to write (merged into when it exists); null merges into the user's
     *                         kubeconfig ($KUBECONFIG's first entry or ~/.kube/config), like kind
     * @param storage          sqlite (default), etcd or memory
     * @param bookmarkInterval how often watches that allow bookmarks get one
     * @param serviceRanges    where Services get their ClusterIPs and node ports from; {@link ServiceRanges#DEFAULT}
     *                         when null
     */
    public record Options(Path dataDir, int port, Path kubeconfig, String storage, String etcdEndpoints,
                          Duration bookmarkInterval, ServiceRanges serviceRanges) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            storage = storage == null ? "sqlite" : storage;
            bookmarkInterval = bookmarkInterval == null ? Duration.ofMinutes(1) : bookmarkInterval;
            serviceRanges = serviceRanges == null ? ServiceRanges.DEFAULT : serviceRanges;
        }

        public static Options of(Path dataDir) {
            return new Options(dataDir, 0, null, null, null, null, null);
        }

        public Options withPort(int port) {
            return new Options(dataDir, port, kubeconfig, storage, etcdEndpoints, bookmarkInterval, serviceRanges);
        }

        public Options withKubeconfig(Path file) {
            return new Options(dataDir, port, file, storage, etcdEndpoints, bookmarkInterval, serviceRanges);
        }

        public Options withStorage(String kind, String endpoints) {
            return new Options(dataDir, port, kubeconfig, kind, endpoints, bookmarkInterval, serviceRanges);
        }

        public Options withBookmarkInterval(Duration interval) {
            return new Options(dataDir, port, kubeconfig, storage, etcdEndpoints, interval, serviceRanges);
        }

        public Options withServiceRanges(ServiceRanges ranges) {
            return new Options(dataDir, port, kubeconfig, storage, etcdEndpoints, bookmarkInterval, ranges);
        }
    }

    private final Storage storage;
    private final WindowCompactor compactor;
    private final ApiServer apiServer;
    private final TlsMaterial tls;
    private final BearerToken token;
    private final Path kubeconfig;
    private final int port;

    private ClusterRuntime(Storage storage, WindowCompactor compactor, ApiServer apiServer, TlsMaterial tls,
                           BearerToken token, Path kubeconfig, int port) {
        this.storage = storage;
        this.compactor = compactor;
        this.apiServer = apiServer;
        this.tls = tls;
        this.token = token;
        this.kubeconfig = kubeconfig;
        this.port = port;
    }

    public static ClusterRuntime start(Options options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TlsMaterial tls = TlsMaterial.loadOrCreate(options.dataDir());
        BearerToken token = BearerToken.loadOrCreate(options.dataDir());
        Storage storage = StorageFactory.open(options.storage(), options.dataDir(), options.etcdEndpoints());
        WindowCompactor compactor = null;
        ApiServer server = null;
        try {
            compactor = WindowCompactor.start(storage);
            KindRegistry registry = KindRegistry.builtin();
            server = new ApiServer(storage, registry, tls, token, options.bookmarkInterval(), options.serviceRanges());
            createSystemNamespaces(server, registry);
            int port = server.start(options.port());
            Path kubeconfig = options.kubeconfig() != null ? options.kubeconfig() : KubeconfigWriter.defaultPath();
            new KubeconfigWriter("https://127.0.0.1:" + port, tls.caCertPem(), token.value()).write(kubeconfig);
            return new ClusterRuntime(storage, compactor, server, tls, token, kubeconfig, port);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (compactor != null) {
                compactor.close();
            }
            storage.close();
            throw e;
        }
    }

    private static void createSystemNamespaces(ApiServer server, KindRegistry registry) {
        KindInfo namespaces = registry.find("", "v1", "namespaces").orElseThrow();
        for (String name : SYSTEM_NAMESPACES) {
            ObjectNode namespace = Json.object();
            namespace.put("apiVersion", "v1").put("kind", "Namespace");
            namespace.putObject("metadata").put("name", name);
            try {
                server.router().creator().create(namespaces, namespace, false);
            } catch (ApiException e) {
                if (!e.reason().equals("AlreadyExists")) {
                    throw e;
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public String server() {
        return "https://127.0.0.1:" + port;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public String token() {
        return token.value();
    }

    public String caCertPem() {
        return tls.caCertPem();
    }

    @Override
    public void close() {
        apiServer.close();
        compactor.close();
        storage.close();
    }
}
