package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The objects one list query selects, kept current the way client-go's reflector does: list, then watch from the
 * list's resourceVersion, resuming the watch when the server ends it and listing again when it cannot resume.
 * Every failure waits {@code retry} before the next request, so a server that cannot watch is polled at that
 * pace instead of being hammered. Each change runs {@code onChange}.
 */
public final class ListWatch implements AutoCloseable {
    /** Asked of the server so a watch that silently died is noticed within this time. */
    private static final long WATCH_SECONDS = 60;

    private final Connection connection;
    private final String collectionPath;
    private final String selectors;
    private final Runnable onChange;
    private final ScheduledExecutorService scheduler;
    private final Duration retry;
    /** Replaced whole by each list, so that a reader never sees it half filled; watch events edit it in place. */
    private volatile Map<String, JsonNode> objects = new ConcurrentHashMap<>();
    private volatile boolean listed;
    private volatile boolean closed;
    private volatile String error;
    private volatile String resourceVersion;
    private volatile boolean expired;
    private volatile Connection.LineStream stream;

    public ListWatch(Connection connection, String collectionPath, String fieldSelector, String labelSelector,
              Runnable onChange, ScheduledExecutorService scheduler, Duration retry) {
        this.connection = connection;
        this.collectionPath = collectionPath;
        this.selectors = (fieldSelector == null ? "" : "&fieldSelector=" + encode(fieldSelector))
                + (labelSelector == null ? "" : "&labelSelector=" + encode(labelSelector));
        this.onChange = onChange;
        this.scheduler = scheduler;
        this.retry = retry;
    }

    public void start() {
        scheduler.execute(this::list);
    }

    /** Whether the first list has arrived; before it, an absent object proves nothing. */
    public boolean listed() {
        return listed;
    }

    /** Why the last request failed, null when it did not. */
    public String error() {
        return error;
    }

    public JsonNode get(String name) {
        return objects.get(name);
    }

    public List<JsonNode> objects() {
        return List.copyOf(objects.values());
    }

    private void list() {
        if (closed) {
            return;
        }
        try {
            JsonNode list = connection.get(collectionPath + "?" + selectors.replaceFirst("^&", ""));
            Map<String, JsonNode> listed = new ConcurrentHashMap<>();
            for (JsonNode item : list.path("items")) {
                listed.put(item.path("metadata").path("name").asText(), item);
            }
            objects = listed;
            resourceVersion = list.path("metadata").path("resourceVersion").asText();
            this.listed = true;
            error = null;
            onChange.run();
            watch();
        } catch (RuntimeException e) {
            error = e.getMessage();
            onChange.run();
            scheduler.schedule(this::list, retry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void watch() {
        if (closed) {
            return;
        }
        Instant started = Instant.now();
        expired = false;
        Connection.LineStream opened = connection.stream(collectionPath + "?watch=1&allowWatchBookmarks=true"
                + "&resourceVersion=" + resourceVersion + "&timeoutSeconds=" + WATCH_SECONDS + selectors, this::onLine);
        stream = opened;
        opened.done().whenComplete((code, failure) -> {
            if (closed) {
                return;
            }
            if (failure != null || code == null || code != 200 || expired) {
                error = failure != null ? failure.getMessage() : error;
                scheduler.schedule(this::list, retry.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            // A watch the server ended early (not at its timeout) is resumed no faster than a failed one.
            long wait = Duration.between(started, Instant.now()).compareTo(retry) < 0 ? retry.toMillis() : 0;
            scheduler.schedule(this::watch, wait, TimeUnit.MILLISECONDS);
        });
    }

    private void onLine(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode event;
        try {
            event = Connection.JSON.readTree(line);
        } catch (IOException e) {
            expired = true;
            return;
        }
        JsonNode object = event.path("object");
        String type = event.path("type").asText("");
        String name = object.path("metadata").path("name").asText();
        switch (type) {
            case "ADDED", "MODIFIED" -> objects.put(name, object);
            case "DELETED" -> objects.remove(name);
            case "BOOKMARK" -> { }
            default -> {
                // ERROR (410 Gone: the revision is compacted) or a Status instead of events: list again.
                expired = true;
                error = object.path("message").asText(line);
                return;
            }
        }
        resourceVersion = object.path("metadata").path("resourceVersion").asText(resourceVersion);
        if (!type.equals("BOOKMARK")) {
            onChange.run();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        Connection.LineStream open = stream;
        if (open != null) {
            open.cancel().run();
        }
    }
}
