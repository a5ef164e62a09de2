package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.StorageException;
import dev.jctl.runtime.storage.Watch;
import dev.jctl.runtime.storage.WatchEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code ?watch=1}: a stream of {@code {"type": ADDED|MODIFIED|DELETED|BOOKMARK|ERROR, "object": ...}} events.
 * Without a resourceVersion (or with "0") it starts with an ADDED event per existing object, as upstream does;
 * with one it resumes right after it, or answers an ERROR event with a 410 Expired Status once that revision is
 * compacted. With {@code sendInitialEvents=true} (watch-list) the current objects come first whatever the
 * resourceVersion, closed by a BOOKMARK annotated {@code k8s.io/initial-events-end}. Selectors apply to both
 * sides of a change, so an object leaving the selection is seen as DELETED.
 */
public final class Watcher {
    /** kube-apiserver's --min-request-timeout; a watch without timeoutSeconds lasts 1-2 times this. */
    private static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private final ObjectStore store;
    private final Reader reader;
    private final ScheduledExecutorService timers;
    private final Duration bookmarkInterval;
    private final EventCache cache = new EventCache();

    public Watcher(ObjectStore store, Reader reader, ScheduledExecutorService timers, Duration bookmarkInterval) {
        this.store = store;
        this.reader = reader;
        this.timers = timers;
        this.bookmarkInterval = bookmarkInterval;
    }

    /** Streams events to {@code sink}; {@code render} turns each object into what the client asked for. */
    public void watch(ApiRequest request, EventSink sink, Rendering render) {
        RequestTarget target = request.target();
        ListQuery query = ListQuery.from(request);
        String rv = query.resourceVersion();
        boolean sendInitialEvents = "true".equals(request.param("sendInitialEvents"));
        if (sendInitialEvents && !query.allowWatchBookmarks()) {
            throw ApiException.invalid("meta.k8s.io", "ListOptions", "", List.of(new ApiException.Cause(
                    "FieldValueForbidden", "Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true",
                    "sendInitialEvents")));
        }
        long from;
        if (sendInitialEvents || rv == null || rv.isEmpty() || rv.equals("0")) {
            ObjectNode list = reader.list(target, query.withoutPagination());
            for (JsonNode item : (ArrayNode) list.get("items")) {
                sink.send(event("ADDED", render.apply(item)));
            }
            from = list.path("metadata").path("resourceVersion").asLong();
            if (sendInitialEvents) {
                // watch-list clients (client-go WatchListClient) treat this bookmark as "the list is complete"
                ObjectNode bookmark = bookmarkObject(target.kind(), from);
                Json.metadata(bookmark).putObject("annotations").put("k8s.io/initial-events-end", "true");
                sink.send(event("BOOKMARK", bookmark));
            }
        } else {
            try {
                from = Long.parseLong(rv);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid resource version: " + rv);
            }
        }
        Stream stream = new Stream(target.kind(), query, sink, render, cache, from);
        try {
            stream.watch = store.storage().watch(ObjectStore.prefix(target.kind(), target.namespace()), from,
                    stream::onEvent);
        } catch (StorageException.Gone e) {
            sink.send(event("ERROR", ApiException.gone("too old resource version: " + from + " ("
                    + (e.compactedRevision() + 1) + ")").toStatus()));
            sink.end();
            return;
        }
        long timeout = query.timeoutSeconds() != null && query.timeoutSeconds() > 0 ? query.timeoutSeconds()
                : MIN_REQUEST_TIMEOUT.toSeconds() + ThreadLocalRandom.current().nextLong(
                MIN_REQUEST_TIMEOUT.toSeconds());
        ScheduledFuture<?> end = timers.schedule(sink::end, timeout, TimeUnit.SECONDS);
        ScheduledFuture<?> bookmarks = query.allowWatchBookmarks()
                ? timers.scheduleAtFixedRate(stream::bookmark, bookmarkInterval.toMillis(),
                bookmarkInterval.toMillis(), TimeUnit.MILLISECONDS)
                : null;
        sink.onClose(() -> {
            stream.watch.close();
            end.cancel(false);
            if (bookmarks != null) {
                bookmarks.cancel(false);
            }
        });
    }

    /** A watch event as it goes on the wire. */
    public static ObjectNode event(String type, JsonNode object) {
        ObjectNode event = Json.object();
        event.put("type", type);
        event.set("object", object);
        return event;
    }

    /** The object of a BOOKMARK event: only kind and resourceVersion, as upstream sends it. */
    private static ObjectNode bookmarkObject(KindInfo kind, long revision) {
        ObjectNode object = Json.object();
        object.put("kind", kind.kind()).put("apiVersion", kind.apiVersion());
        object.putObject("metadata").put("resourceVersion", Long.toString(revision));
        return object;
    }

    /** One client's watch; events arrive from the store in revision order. */
    private static final class Stream {
        private final KindInfo kind;
        private final ListQuery query;
        private final EventSink sink;
        private final Rendering render;
        private final EventCache cache;
        private long lastRevision;
        private volatile Watch watch;

        Stream(KindInfo kind, ListQuery query, EventSink sink, Rendering render, EventCache cache, long from) {
            this.kind = kind;
            this.query = query;
            this.sink = sink;
            this.render = render;
            this.cache = cache;
            this.lastRevision = from;
        }

        synchronized void onEvent(WatchEvent change) {
            lastRevision = change.revision();
            ObjectNode object = cache.decoded(kind, change.kv());
            boolean now = query.matches(object);
            boolean before = change.prevKv() != null && query.matches(cache.decoded(kind, change.prevKv()));
            String type = switch (change.type()) {
                case CREATED -> now ? "ADDED" : null;
                case DELETED -> now ? "DELETED" : null;
                case UPDATED -> now && before ? "MODIFIED" : now ? "ADDED" : before ? "DELETED" : null;
            };
            if (type != null && !sink.send(cache.encoded(kind, change.revision(), type, render,
                    () -> Json.bytes(event(type, render.apply(object)))))) {
                close();
            }
        }

        /** A BOOKMARK tells the client how far it is up to date even when nothing it selects changed. */
        synchronized void bookmark() {
            if (!sink.send(event("BOOKMARK", bookmarkObject(kind, lastRevision)))) {
                close();
            }
        }

        private void close() {
            Watch w = watch;
            if (w != null) {
                w.close();
            }
        }
    }
}
