package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.security.BearerToken;
import dev.jctl.runtime.apiserver.security.TlsMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API server on SQLite, killed with SIGKILL in the middle of a burst of creates and restarted on the same data
 * dir, has every create it answered 201, keeps resourceVersions rising, and lets a watcher resume from its last
 * resourceVersion without a gap or a duplicate.
 */
class ApiServerCrashTest {
    private static final int BURST = 1_000;
    private static final int CLIENTS = 8;
    /** Killed once this many creates were answered, with the other clients' requests still in flight. */
    private static final int KILL_AFTER = 300;
    private static final int CREATES_AFTER_RESTART = 20;
    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

    @TempDir
    Path dir;

    @Test
    void killDashNineMidBurstLosesNoAcknowledgedCreateAndWatchResumesExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger unanswered = new AtomicInteger();
        List<Event> beforeCrash;
        try (ChildJvm server = startServer(data, "first")) {
            Api api = new Api(data, server.port());
            long start = api.list().revision;
            try (RecordingWatch watch = RecordingWatch.open(api, start)) {
                int exit = burst(api, server, acknowledged, unanswered);
                assertEquals(137, exit, () -> "killed by SIGKILL, not failed: " + server.stderr());
                assertTrue(watch.awaitEnd(10), "the watch ends when its server dies");
                beforeCrash = watch.events();
            }
        }
        assertTrue(acknowledged.size() >= KILL_AFTER && unanswered.get() > 0,
                () -> "killed mid-burst: " + acknowledged.size() + " answered, " + unanswered + " not");
        assertFalse(beforeCrash.isEmpty(), "the watcher saw events before the crash");
        long highestBeforeCrash = Math.max(max(acknowledged.values()), beforeCrash.get(beforeCrash.size() - 1).rv);

        try (ChildJvm server = startServer(data, "second")) {
            Api api = new Api(data, server.port());
            Listing afterRestart = api.list();
            acknowledged.forEach((name, rv) ->
                    assertEquals(rv, afterRestart.items.get(name), "acknowledged create " + name + " kept as is"));
            assertTrue(afterRestart.revision >= highestBeforeCrash, "the list revision did not go back");

            long lastSeen = beforeCrash.get(beforeCrash.size() - 1).rv;
            List<Event> resumed;
            try (RecordingWatch watch = RecordingWatch.open(api, lastSeen)) {
                long last = 0;
                for (int i = 0; i < CREATES_AFTER_RESTART; i++) {
                    long rv = api.create("after-" + i);
                    assertTrue(rv > Math.max(last, highestBeforeCrash), "resourceVersions stay monotonic");
                    last = rv;
                }
                assertTrue(watch.awaitRevision(last, 10), "the resumed watch reaches the last write");
                resumed = watch.events();
            }
            assertExactlyOnce(beforeCrash, resumed, api.list());
        }
    }

    /** Both streams together hold one ADDED event per object in the final list, at its resourceVersion. */
    private static void assertExactlyOnce(List<Event> before, List<Event> resumed, Listing end) {
        List<Event> all = new ArrayList<>(before);
        all.addAll(resumed);
        Map<String, Long> seen = new HashMap<>();
        long previous = 0;
        for (Event event : all) {
            assertEquals("ADDED", event.type, event.name);
            assertTrue(event.rv > previous, "events in revision order, none repeated: " + event);
            previous = event.rv;
            assertTrue(seen.put(event.name, event.rv) == null, "duplicate event for " + event.name);
        }
        assertEquals(end.items, seen, "every object has exactly one event at its resourceVersion, no gaps");
    }

    private ChildJvm startServer(Path data, String name) throws Exception {
        // C1 only and the serial GC, as the jctl launcher runs short commands: the child starts sooner, and what is
        // tested is what reached the disk, not how fast the server got there.
        return ChildJvm.start(dir.resolve(name + ".err"), List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                ApiServerMain.class, data.toString(), "sqlite");
    }

    /**
     * Creates {@code cm-0 .. cm-999} from {@link #CLIENTS} threads, recording each 201, and SIGKILLs the server
     * once {@link #KILL_AFTER} were answered. Returns the server's exit code.
     */
    private static int burst(Api api, ChildJvm server, Map<String, Long> acknowledged, AtomicInteger unanswered)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Integer> exit = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int t = 0; t < CLIENTS; t++) {
            Thread client = new Thread(() -> {
                try {
                    for (int i; (i = next.getAndIncrement()) < BURST; ) {
                        String name = "cm-" + i;
                        try {
                            acknowledged.put(name, api.create(name));
                        } catch (IOException e) {
                            if (!killed.get()) {
                                throw e; // killed is set before the kill, so this failure is not the crash's
                            }
                            unanswered.incrementAndGet(); // in flight at the kill, or sent after it
                        }
                        if (acknowledged.size() >= KILL_AFTER && killed.compareAndSet(false, true)) {
                            exit.set(server.kill());
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            }, "burst-" + t);
            client.start();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "burst finished");
        if (failure.get() != null) {
            throw new AssertionError("a create failed other than by the kill", failure.get());
        }
        assertTrue(killed.get(), "the server was killed during the burst");
        return exit.get();
    }

    private static long max(Iterable<Long> values) {
        long max = 0;
        for (long value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private record Event(String type, String name, long rv) {
    }

    private record Listing(long revision, Map<String, Long> items) {
    }

    /** The ConfigMaps of the default namespace over HTTPS, as a client of the child's data dir CA and token. */
    private static final class Api {
        final HttpClient http;
        final String server;
        final String token;

        Api(Path data, int port) {
            this.http = TestCluster.client(TlsMaterial.loadOrCreate(data).caCertPem());
            this.server = "https://127.0.0.1:" + port;
            this.token = BearerToken.loadOrCreate(data).value();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(20));
        }

        /** The resourceVersion of the new ConfigMap; IOException when the server did not answer. */
        long create(String name) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request(CONFIGMAPS).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"v\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("create " + name + ": " + response.statusCode() + " " + response.body());
            }
            return rv(TestCluster.JSON.readTree(response.body()));
        }

        Listing list() throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request(CONFIGMAPS).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode list = TestCluster.JSON.readTree(response.body());
            Map<String, Long> items = new HashMap<>();
            for (JsonNode item : list.path("items")) {
                items.put(item.path("metadata").path("name").asText(), rv(item));
            }
            return new Listing(list.path("metadata").path("resourceVersion").asLong(), items);
        }

        static long rv(JsonNode object) {
            return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
        }
    }

    /** A watch from a resourceVersion whose events are recorded on a thread of their own until the stream ends. */
    private static final class RecordingWatch implements AutoCloseable {
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final CountDownLatch ended = new CountDownLatch(1);
        private final InputStream body;

        private RecordingWatch(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "recording-watch");
            reader.setDaemon(true);
            reader.start();
        }

        static RecordingWatch open(Api api, long resourceVersion) throws IOException, InterruptedException {
            HttpResponse<InputStream> response = api.http.send(api.request(CONFIGMAPS + "?watch=1&resourceVersion="
                    + resourceVersion).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            return new RecordingWatch(response.body());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        JsonNode event = TestCluster.JSON.readTree(line);
                        JsonNode object = event.path("object");
                        events.add(new Event(event.path("type").asText(),
                                object.path("metadata").path("name").asText(), Api.rv(object)));
                    }
                }
            } catch (IOException e) {
                // the server died, or the test closed the watch
            } finally {
                ended.countDown();
            }
        }

        List<Event> events() {
            return List.copyOf(events);
        }

        boolean awaitEnd(long seconds) throws InterruptedException {
            return ended.await(seconds, TimeUnit.SECONDS);
        }

        boolean awaitRevision(long revision, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (!events.isEmpty() && events.get(events.size() - 1).rv >= revision) {
                    return true;
                }
                Thread.sleep(10);
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
