package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live objects of one collection (a resource in one namespace) that apply is about to read, fetched with a
 * paged LIST instead of a GET each. kubectl GETs every object; what must match is the end state and the output,
 * and the pages of one LIST are a consistent read of the same resourceVersion, so an object the LIST shows is what
 * its GET would have answered and one it does not show is absent, as a GET's 404 would say. Reading stops once every
 * wanted object has been seen, or after four times as many items as are wanted, so a large namespace costs no more
 * than a few pages; what the LIST could not settle (an unread page, a refused LIST) is left to a GET.
 */
final class LiveListing {
    /** Fewer wanted objects than this are cheaper to GET one by one. */
    static final int MIN_WANTED = 2;
    /** kubectl's default chunk size for listings. */
    private static final int MAX_PAGE = 500;
    private static final int ITEMS_PER_WANTED = 4;

    private final Map<String, JsonNode> seen;
    private final boolean complete;
    private final Set<String> taken = new HashSet<>();

    private LiveListing(Map<String, JsonNode> seen, boolean complete) {
        this.seen = seen;
        this.complete = complete;
    }

    /** A listing that settles nothing: every read is a GET. */
    static LiveListing none() {
        return new LiveListing(Map.of(), false);
    }

    /**
     * Lists {@code resource} in {@code namespace} (null for cluster-scoped) until every one of {@code names} is seen;
     * a refused or failed LIST yields {@link #none()}, since the GETs that follow will report any real problem.
     */
    static LiveListing read(Connection connection, ApiResource resource, String namespace, Set<String> names) {
        if (!resource.verbs().contains("list")) {
            return none();
        }
        int budget = ITEMS_PER_WANTED * names.size();
        String collection = resource.collectionPath(namespace) + "?limit=" + Math.min(MAX_PAGE, budget);
        Map<String, JsonNode> seen = new HashMap<>();
        int read = 0;
        String token = "";
        try {
            do {
                JsonNode page = connection.get(token.isEmpty() ? collection
                        : collection + "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                for (JsonNode item : page.path("items")) {
                    read++;
                    String name = item.path("metadata").path("name").asText();
                    if (names.contains(name) && item instanceof ObjectNode object) {
                        seen.put(name, typed(object, resource));
                    }
                }
                token = page.path("metadata").path("continue").asText("");
            } while (!token.isEmpty() && seen.size() < names.size() && read < budget);
        } catch (ApiException | KubernetesClientException | UncheckedIOException e) {
            return none();
        }
        return new LiveListing(seen, token.isEmpty());
    }

    /** List items carry no kind and apiVersion; a GET's answer starts with them. */
    private static ObjectNode typed(ObjectNode item, ApiResource resource) {
        if (item.has("kind") && item.has("apiVersion")) {
            return item;
        }
        ObjectNode object = item.objectNode();
        object.put("apiVersion", resource.apiVersion());
        object.put("kind", resource.kind());
        item.fields().forEachRemaining(field -> object.set(field.getKey(), field.getValue()));
        return object;
    }

    /** What the LIST settled about one object: it as listed, or null when it does not exist. */
    record Settled(JsonNode object) {
    }

    /**
     * What the LIST says of {@code name}, once: empty when it cannot say (an unread page), and for any later ask,
     * since a second manifest of the same object must see what applying the first one did.
     */
    synchronized Optional<Settled> take(String name) {
        if (!taken.add(name)) {
            return Optional.empty();
        }
        JsonNode object = seen.get(name);
        return object != null || complete ? Optional.of(new Settled(object)) : Optional.empty();
    }
}
