package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a describer may ask the cluster, with the command's settings: reads, listings in chunks of
 * {@code --chunk-size} (following {@code continue} tokens), and the events about an object unless
 * {@code --show-events=false}.
 */
public final class DescribeContext {
    private final Connection connection;
    private final boolean showEvents;
    private final long chunkSize;

    public DescribeContext(Connection connection, boolean showEvents, long chunkSize) {
        this.connection = connection;
        this.showEvents = showEvents;
        this.chunkSize = chunkSize;
    }

    /** @throws ApiException for any error answer */
    JsonNode get(String path) {
        return connection.get(path);
    }

    /** Every item of a collection; {@code labelSelector} and {@code fieldSelector} null for none. */
    List<JsonNode> list(String collectionPath, String labelSelector, String fieldSelector) {
        List<JsonNode> items = new ArrayList<>();
        String token = null;
        do {
            StringBuilder query = new StringBuilder();
            append(query, "fieldSelector", fieldSelector);
            append(query, "labelSelector", labelSelector);
            if (chunkSize > 0) {
                append(query, "limit", String.valueOf(chunkSize));
            }
            append(query, "continue", token);
            JsonNode page = connection.get(collectionPath + query);
            page.path("items").forEach(items::add);
            token = page.path("metadata").path("continue").asText("");
        } while (!token.isEmpty());
        return items;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    boolean showEvents() {
        return showEvents;
    }

    /**
     * The events whose involvedObject is the object, as kubectl's {@code searchEvents} selects them; null when
     * events are not shown. {@code kind} null leaves the kind out of the selector (kubectl does so for pods).
     * A failed listing shows as no events, as in kubectl.
     */
    List<JsonNode> events(String namespace, String name, String kind, String uid) {
        if (!showEvents) {
            return null;
        }
        StringBuilder selector = new StringBuilder("involvedObject.name=").append(name)
                .append(",involvedObject.namespace=").append(namespace);
        if (kind != null && !kind.isEmpty()) {
            selector.append(",involvedObject.kind=").append(kind);
        }
        if (uid != null && !uid.isEmpty()) {
            selector.append(",involvedObject.uid=").append(uid);
        }
        String path = namespace.isEmpty() ? "/api/v1/events" : "/api/v1/namespaces/" + namespace + "/events";
        try {
            return list(path, null, selector.toString());
        } catch (ApiException e) {
            return new ArrayList<>();
        }
    }

    /** The events about {@code object} (its kind, name, namespace and uid). */
    List<JsonNode> eventsAbout(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return events(Text.str(metadata.path("namespace")), metadata.path("name").asText(),
                object.path("kind").asText(), Text.str(metadata.path("uid")));
    }
}
