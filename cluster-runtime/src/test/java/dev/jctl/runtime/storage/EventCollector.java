package dev.jctl.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A watch listener that lets a test wait for events and check that no extra ones arrive. */
final class EventCollector implements Consumer<WatchEvent>, AutoCloseable {
    private static final long WAIT_MILLIS = 10_000;
    private static final long QUIET_MILLIS = 300;
    private final LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(WatchEvent event) {
        events.add(event);
    }

    List<WatchEvent> await(int count) throws InterruptedException {
        List<WatchEvent> received = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (received.size() < count) {
            WatchEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                fail("got " + received.size() + " of " + count + " events: " + received);
            }
            received.add(event);
        }
        return received;
    }

    void assertNothingMore() throws InterruptedException {
        assertNull(events.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS), "unexpected extra event");
    }

    @Override
    public void close() {
        events.clear();
    }
}
