package dev.jctl.runtime.apiserver.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources the server serves, looked up by group/version/plural. Registration order is discovery order;
 * within a group the first registered version is the preferred one. The router, discovery, OpenAPI and tables all
 * read it, so a CRD starts or stops being served everywhere by one {@link #replace}: every change swaps in a new
 * immutable snapshot, and a reader never sees half of a CRD's versions.
 */
public final class KindRegistry {
    private volatile List<KindInfo> kinds = List.of();

    public static KindRegistry builtin() {
        KindRegistry registry = new KindRegistry();
        BuiltinKinds.all().forEach(registry::register);
        return registry;
    }

    public synchronized void register(KindInfo kind) {
        List<KindInfo> next = new ArrayList<>(kinds);
        next.add(kind);
        kinds = List.copyOf(next);
    }

    /**
     * Serves {@code replacement} (every version of one resource, preferred first) in place of whatever is served
     * as {@code group}/{@code plural} now; an empty replacement stops serving it. The resource keeps its position
     * when it was served already.
     */
    public synchronized void replace(String group, String plural, List<KindInfo> replacement) {
        List<KindInfo> next = new ArrayList<>();
        boolean placed = false;
        for (KindInfo k : kinds) {
            if (k.group().equals(group) && k.plural().equals(plural)) {
                if (!placed) {
                    next.addAll(replacement);
                    placed = true;
                }
            } else {
                next.add(k);
            }
        }
        if (!placed) {
            next.addAll(replacement);
        }
        kinds = List.copyOf(next);
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
        return kinds;
    }

    /** Group name to its versions, preferred first, groups in registration order (core first). */
    public Map<String, List<String>> groupVersions() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (KindInfo k : all()) {
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
