package dev.jctl.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's resources, from aggregated discovery ({@code apidiscovery.k8s.io/v2}, one request per root) with
 * a fallback to the legacy documents (one request per group-version), as kubectl does. The result is cached on
 * disk for {@link #TTL} under {@code <cache>/discovery/<host_port>/} like kubectl's cache, in jctl's own file;
 * a kind that is not found refreshes it once (a CRD created since), as kubectl's deferred mapper does.
 */
public final class Discovery {
    /** kubectl's discovery cache lifetime. */
    public static final Duration TTL = Duration.ofHours(6);
    private static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    // Versioned: a cache written before categories were kept must not hide them.
    private static final String CACHE_FILE = "jctl-resources-2.json";

    private final Connection connection;
    private final Path cacheFile;
    private List<ApiResource> resources;
    /** The categories ({@code all}, ...) of each resource, by {@link ApiResource#qualifiedPlural()}. */
    private final Map<String, List<String>> categories = new HashMap<>();
    private boolean fresh;

    public Discovery(Connection connection) {
        this.connection = connection;
        this.cacheFile = connection.cacheDir().resolve("discovery").resolve(hostDirectory(connection.server()))
                .resolve(CACHE_FILE);
    }

    /** kubectl's directory name for a server: scheme dropped, characters other than word, '/' and '.' → '_'. */
    static String hostDirectory(String server) {
        String host = server.replaceFirst("^[a-zA-Z]+://", "");
        return host.replaceAll("[^\\w/.]", "_");
    }

    /** All resources, preferred versions of each group first, core group first. */
    public List<ApiResource> resources() {
        if (resources == null) {
            resources = readCache().orElseGet(this::fetch);
        }
        return resources;
    }

    /** The resource serving {@code kind} in {@code apiVersion}; refreshes discovery once when not known. */
    public Optional<ApiResource> forKind(String apiVersion, String kind) {
        Optional<ApiResource> found = findKind(apiVersion, kind);
        if (found.isEmpty() && !fresh) {
            resources = fetch();
            found = findKind(apiVersion, kind);
        }
        return found;
    }

    /** Forgets what is known, so that the next lookup asks the server (after a CRD is established). */
    public void invalidate() {
        resources = null;
        fresh = false;
        try {
            Files.deleteIfExists(cacheFile);
        } catch (IOException e) {
            // A stale cache file only costs one refresh later.
        }
    }

    /**
     * A command-line resource name as kubectl accepts it: plural, singular, short name or kind, optionally
     * qualified by group ({@code deployments.apps}) or version and group ({@code deployment.v1.apps}).
     */
    public Optional<ApiResource> resolve(String typeArgument) {
        Optional<ApiResource> found = findArgument(typeArgument);
        if (found.isEmpty() && !fresh) {
            resources = fetch();
            found = findArgument(typeArgument);
        }
        return found;
    }

    /**
     * The resources of a category ({@code all}: the workloads and services kubectl get all shows) in discovery
     * order, one version each (the preferred one); empty when no resource declares it, as for any unknown name.
     */
    public List<ApiResource> category(String name) {
        List<ApiResource> all = resources();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<ApiResource> members = new ArrayList<>();
        for (ApiResource r : all) {
            if (categories.getOrDefault(r.qualifiedPlural(), List.of()).contains(name) && seen.add(r.qualifiedPlural())) {
                members.add(r);
            }
        }
        return members;
    }

    private ApiResource remember(ApiResource resource, JsonNode categoryNames) {
        if (!categoryNames.isEmpty()) {
            categories.putIfAbsent(resource.qualifiedPlural(), strings(categoryNames));
        }
        return resource;
    }

    private Optional<ApiResource> findKind(String apiVersion, String kind) {
        return resources().stream().filter(r -> r.apiVersion().equals(apiVersion) && r.kind().equals(kind))
                .findFirst();
    }

    private Optional<ApiResource> findArgument(String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        Optional<ApiResource> exact = match(lower, null, null);
        if (exact.isPresent()) {
            return exact;
        }
        int dot = lower.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String name = lower.substring(0, dot);
        String rest = lower.substring(dot + 1);
        int second = rest.indexOf('.');
        if (second > 0) {
            Optional<ApiResource> versioned = match(name, rest.substring(0, second), rest.substring(second + 1));
            if (versioned.isPresent()) {
                return versioned;
            }
        }
        return match(name, null, rest);
    }

    private Optional<ApiResource> match(String name, String version, String group) {
        for (ApiResource r : resources()) {
            if (group != null && !r.group().equals(group) || version != null && !r.version().equals(version)) {
                continue;
            }
            if (r.plural().equals(name) || r.singular().equals(name) || r.shortNames().contains(name)
                    || r.kind().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private List<ApiResource> fetch() {
        List<ApiResource> all = new ArrayList<>();
        categories.clear();
        JsonNode core = connection.send(Connection.Request.get("/api").withAccept(AGGREGATED));
        JsonNode groups = connection.send(Connection.Request.get("/apis").withAccept(AGGREGATED));
        if (isAggregated(core) && isAggregated(groups)) {
            readAggregated(core, all);
            readAggregated(groups, all);
        } else {
            readLegacy(core, groups, all);
        }
        fresh = true;
        writeCache(all);
        return all;
    }

    private static boolean isAggregated(JsonNode doc) {
        return doc != null && "APIGroupDiscoveryList".equals(doc.path("kind").asText());
    }

    private void readAggregated(JsonNode list, List<ApiResource> out) {
        for (JsonNode group : list.path("items")) {
            String groupName = group.path("metadata").path("name").asText("");
            for (JsonNode version : group.path("versions")) {
                for (JsonNode r : version.path("resources")) {
                    JsonNode kind = r.path("responseKind");
                    out.add(remember(new ApiResource(groupName, version.path("version").asText(),
                            kind.path("kind").asText(), r.path("resource").asText(), r.path("singularResource").asText(),
                            "Namespaced".equals(r.path("scope").asText()), strings(r.path("shortNames")),
                            strings(r.path("verbs"))), r.path("categories")));
                }
            }
        }
    }

    private void readLegacy(JsonNode core, JsonNode groups, List<ApiResource> out) {
        for (JsonNode version : core.path("versions")) {
            readResourceList("", version.asText(), "/api/" + version.asText(), out);
        }
        for (JsonNode group : groups.path("groups")) {
            String name = group.path("name").asText();
            String preferred = group.path("preferredVersion").path("version").asText();
            List<String> versions = new ArrayList<>();
            versions.add(preferred);
            for (JsonNode v : group.path("versions")) {
                if (!v.path("version").asText().equals(preferred)) {
                    versions.add(v.path("version").asText());
                }
            }
            for (String v : versions) {
                readResourceList(name, v, "/apis/" + name + "/" + v, out);
            }
        }
    }

    private void readResourceList(String group, String version, String path, List<ApiResource> out) {
        JsonNode list = connection.get(path);
        for (JsonNode r : list.path("resources")) {
            String plural = r.path("name").asText();
            if (plural.contains("/")) {
                continue;
            }
            out.add(remember(new ApiResource(group, version, r.path("kind").asText(), plural,
                    r.path("singularName").asText(), r.path("namespaced").asBoolean(), strings(r.path("shortNames")),
                    strings(r.path("verbs"))), r.path("categories")));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Optional<List<ApiResource>> readCache() {
        try {
            if (!Files.isRegularFile(cacheFile)
                    || Files.getLastModifiedTime(cacheFile).toInstant().plus(TTL).isBefore(Instant.now())) {
                return Optional.empty();
            }
            JsonNode doc = Connection.JSON.readTree(Files.readString(cacheFile, StandardCharsets.UTF_8));
            List<ApiResource> out = new ArrayList<>();
            for (JsonNode r : doc.path("resources")) {
                out.add(remember(new ApiResource(r.path("group").asText(), r.path("version").asText(),
                        r.path("kind").asText(), r.path("plural").asText(), r.path("singular").asText(),
                        r.path("namespaced").asBoolean(), strings(r.path("shortNames")), strings(r.path("verbs"))),
                        r.path("categories")));
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            // An unreadable cache is as good as none: discovery is asked again.
            return Optional.empty();
        }
    }

    private void writeCache(List<ApiResource> all) {
        ObjectNode doc = Connection.JSON.createObjectNode();
        doc.put("server", connection.server());
        ArrayNode array = doc.putArray("resources");
        for (ApiResource r : all) {
            ObjectNode node = array.addObject();
            node.put("group", r.group()).put("version", r.version()).put("kind", r.kind()).put("plural", r.plural())
                    .put("singular", r.singular()).put("namespaced", r.namespaced());
            r.shortNames().forEach(node.putArray("shortNames")::add);
            r.verbs().forEach(node.putArray("verbs")::add);
            categories.getOrDefault(r.qualifiedPlural(), List.of()).forEach(node.withArray("categories")::add);
        }
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temp = Files.createTempFile(cacheFile.getParent(), CACHE_FILE, ".tmp");
            Files.writeString(temp, doc.toString(), StandardCharsets.UTF_8);
            Files.move(temp, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // A read-only home directory must not stop the command; the next run asks the server again.
        }
    }
}
