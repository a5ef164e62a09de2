package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A watch response read line by line on its own thread, so tests can wait for the next event with a timeout. */
final class WatchStream implements AutoCloseable {
    private static final JsonNode END = TestCluster.JSON.createObjectNode().put("type", "END-OF-STREAM");

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    final int code;

    private WatchStream(HttpResponse<InputStream> response) {
        this.code = response.statusCode();
        this.body = response.body();
        Thread reader = new Thread(this::read, "watch-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static WatchStream open(TestCluster cluster, String path, String accept) throws Exception {
        HttpRequest.Builder request = cluster.request(path).timeout(java.time.Duration.ofMinutes(5)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return new WatchStream(cluster.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    events.add(TestCluster.JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
        events.add(END);
    }

    /** The next event, failing the test when none arrives within five seconds. */
    JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(5, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no watch event within 5s");
        }
        return event;
    }

    /** Whether the server ended the stream within {@code seconds}, skipping any events before the end. */
    boolean endsWithin(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event == END) {
                return true;
            }
        }
        return false;
    }

    /** No event at all (bookmarks included) for {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
