package dev.jctl.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowCompactorTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @Test
    void compactsToTheRevisionCurrentOneWindowAgo() {
        try (Storage storage = new MemoryStorage()) {
            WindowCompactor compactor = new WindowCompactor(storage, Duration.ofMinutes(5), clock::get);
            long[] revisionAtMinute = new long[12];
            for (int minute = 0; minute < 12; minute++) {
                storage.create("/k/" + minute, new byte[0]);
                storage.create("/k/" + minute + "b", new byte[0]);
                revisionAtMinute[minute] = storage.currentRevision();
                compactor.tick();
                if (minute < 5) {
                    assertEquals(0, storage.compactedRevision(), "nothing is a window old at minute " + minute);
                } else {
                    assertEquals(revisionAtMinute[minute - 5], storage.compactedRevision(), "minute " + minute);
                }
                clock.addAndGet(Duration.ofMinutes(1).toMillis());
            }
        }
    }

    @Test
    void anIdleStoreIsNotCompactedAgain() {
        try (Storage storage = new MemoryStorage()) {
            WindowCompactor compactor = new WindowCompactor(storage, Duration.ofSeconds(10), clock::get);
            storage.create("/k", new byte[0]);
            compactor.tick();
            clock.addAndGet(10_000);
            compactor.tick();
            assertEquals(1, storage.compactedRevision());
            clock.addAndGet(10_000);
            compactor.tick();
            assertEquals(1, storage.compactedRevision());
        }
    }

    @Test
    void runsOnItsOwnSchedule() throws Exception {
        try (Storage storage = new MemoryStorage()) {
            storage.create("/k", new byte[0]);
            try (WindowCompactor ignored = WindowCompactor.start(storage, Duration.ofMillis(50), Duration.ofMillis(10))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (storage.compactedRevision() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertEquals(1, storage.compactedRevision());
        }
    }
}
