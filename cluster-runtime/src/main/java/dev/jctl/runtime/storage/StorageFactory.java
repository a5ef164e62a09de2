package dev.jctl.runtime.storage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Opens the store selected by {@code jctl cluster up --storage sqlite|etcd|memory}. */
public final class StorageFactory {
    /** Where the sqlite store lives inside a cluster's data dir (kine's default layout). */
    public static final String SQLITE_FILE = "db/state.db";

    private StorageFactory() {
    }

    /**
     * @param kind          {@code sqlite} (default when null), {@code etcd} or {@code memory}
     * @param dataDir       the cluster's data dir; used by sqlite
     * @param etcdEndpoints comma-separated client URLs; required by etcd
     */
    public static Storage open(String kind, Path dataDir, String etcdEndpoints) {
        String normalized = kind == null ? "sqlite" : kind.toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "sqlite" -> new SqliteStorage(dataDir.resolve(SQLITE_FILE));
            case "memory" -> new MemoryStorage();
            case "etcd" -> new EtcdStorage(endpoints(etcdEndpoints));
            default -> throw new IllegalArgumentException(
                    "unknown storage '" + kind + "': expected sqlite, etcd or memory");
        };
    }

    private static List<String> endpoints(String etcdEndpoints) {
        List<String> endpoints = etcdEndpoints == null ? List.of() : Arrays.stream(etcdEndpoints.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("--storage etcd needs --etcd-endpoints, e.g. http://127.0.0.1:2379");
        }
        return endpoints;
    }
}
