package dev.jctl.runtime.apiserver.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The resources the server serves, looked up by group/version/plural. Registration order is discovery order;
 * within a group the first registered version is the preferred one. Thread-safe so that CRDs can come and go.
 */
public final class KindRegistry {
    private final List<KindInfo> kinds = new CopyOnWriteArrayList<>();

    public static KindRegistry builtin() {
        KindRegistry registry = new KindRegistry();
        BuiltinKinds.all().forEach(registry::register);
        return registry;
    }

    public void register(KindInfo kind) {
        kinds.add(kind);
    }

    public Optional<KindInfo> find(String group, String version, String plural) {
        for (KindInfo k : kinds) {
            if (k.group().equals(group) && k.version().equals(version) && k.plural().equals(plural)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public Optional<KindInfo> findByKind(String group, String kind) {
        return kinds.stream().filter(k -> k.group().equals(group) && k.kind().equals(kind)).findFirst();
    }

    public List<KindInfo> all() {
        return List.copyOf(kinds);
    }

    /** Group name to its versions, preferred first, groups in registration order (core first). */
    public Map<String, List<String>> groupVersions() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (KindInfo k : kinds) {
            List<String> versions = groups.computeIfAbsent(k.group(), g -> new ArrayList<>());
            if (!versions.contains(k.version())) {
                versions.add(k.version());
            }
        }
        return groups;
    }

    public List<KindInfo> inGroupVersion(String group, String version) {
        return kinds.stream().filter(k -> k.group().equals(group) && k.version().equals(version)).toList();
    }
}
