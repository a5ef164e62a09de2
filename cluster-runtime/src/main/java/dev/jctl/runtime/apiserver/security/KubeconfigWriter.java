package dev.jctl.runtime.apiserver.security;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the cluster {@code jctl}, user {@code jctl} and context {@code jctl} into a kubeconfig and makes it the
 * current context. An existing file is merged into, like {@code kind create cluster} does: other clusters, users,
 * contexts and preferences are kept, stale {@code jctl} entries replaced.
 */
public final class KubeconfigWriter {
    public static final String NAME = "jctl";

    private final String server;
    private final String caCertPem;
    private final String token;

    public KubeconfigWriter(String server, String caCertPem, String token) {
        this.server = server;
        this.caCertPem = caCertPem;
        this.token = token;
    }

    /** Where kubectl reads its configuration: the first {@code $KUBECONFIG} entry, else ~/.kube/config. */
    public static Path defaultPath() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            for (String entry : env.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    return Path.of(entry);
                }
            }
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    public void write(Path file) {
        try {
            Map<String, Object> config = Files.exists(file) ? read(file) : new LinkedHashMap<>();
            config.putIfAbsent("apiVersion", "v1");
            config.putIfAbsent("kind", "Config");
            upsert(config, "clusters", "cluster", Map.of(
                    "server", server,
                    "certificate-authority-data",
                    Base64.getEncoder().encodeToString(caCertPem.getBytes(StandardCharsets.UTF_8))));
            upsert(config, "users", "user", Map.of("token", token));
            upsert(config, "contexts", "context", Map.of("cluster", NAME, "user", NAME));
            config.put("current-context", NAME);
            config.putIfAbsent("preferences", new LinkedHashMap<>());
            DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
            SecretFiles.write(file, new Dump(settings).dumpToString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        String text = Files.readString(file);
        if (text.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(text);
        if (!(loaded instanceof Map)) {
            throw new IOException(file + " is not a kubeconfig (expected a mapping at the top)");
        }
        return new LinkedHashMap<>((Map<String, Object>) loaded);
    }

    /** Replaces the entry named jctl in list {@code listKey} (or appends it), keeping every other entry. */
    @SuppressWarnings("unchecked")
    private static void upsert(Map<String, Object> config, String listKey, String bodyKey, Map<String, Object> body) {
        List<Object> entries = config.get(listKey) instanceof List<?> existing
                ? new ArrayList<>((List<Object>) existing) : new ArrayList<>();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", NAME);
        entry.put(bodyKey, new LinkedHashMap<>(body));
        boolean replaced = false;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Map<?, ?> m && NAME.equals(m.get("name"))) {
                entries.set(i, entry);
                replaced = true;
            }
        }
        if (!replaced) {
            entries.add(entry);
        }
        config.put(listKey, entries);
    }
}
