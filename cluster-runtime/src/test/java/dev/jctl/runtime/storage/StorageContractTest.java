package dev.jctl.runtime.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Storage} backend must share. Each test works under its own random key prefix so
 * a backend may keep one server for the whole class; revisions are compared relatively for the same reason.
 */
abstract class StorageContractTest {
    protected Storage storage;
    protected String root;

    /** A store for one test; closed after it. */
    protected abstract Storage open() throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = open();
        root = "/registry/test/" + UUID.randomUUID() + "/";
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    protected static String text(KeyValue kv) {
        return new String(kv.value(), UTF_8);
    }

    @Test
    void createGetUpdateDelete() {
        String key = root + "a";
        assertNull(storage.get(key));

        KeyValue created = storage.create(key, bytes("v1"));
        assertEquals(created.createRevision(), created.modRevision());
        assertEquals(created.modRevision(), storage.currentRevision());
        KeyValue read = storage.get(key);
        assertEquals("v1", text(read));
        assertEquals(created.modRevision(), read.modRevision());

        KeyValue updated = storage.update(key, bytes("v2"), created.modRevision());
        assertTrue(updated.modRevision() > created.modRevision());
        assertEquals(created.createRevision(), updated.createRevision());
        assertEquals("v2", text(storage.get(key)));

        KeyValue deleted = storage.delete(key, updated.modRevision());
        assertTrue(deleted.modRevision() > updated.modRevision());
        assertEquals("v2", text(deleted));
        assertNull(storage.get(key));

        KeyValue recreated = storage.create(key, bytes("v3"));
        assertEquals(recreated.modRevision(), recreated.createRevision());
        assertTrue(recreated.createRevision() > deleted.modRevision());
    }

    @Test
    void failuresNameTheirCause() {
        String key = root + "a";
        assertThrows(StorageException.NotFound.class, () -> storage.update(key, bytes("x"), 1));
        assertThrows(StorageException.NotFound.class, () -> storage.delete(key, 0));

        KeyValue created = storage.create(key, bytes("v1"));
        assertThrows(StorageException.AlreadyExists.class, () -> storage.create(key, bytes("again")));
        KeyValue updated = storage.update(key, bytes("v2"), created.modRevision());

        StorageException.Conflict conflict = assertThrows(StorageException.Conflict.class,
                () -> storage.update(key, bytes("stale"), created.modRevision()));
        assertEquals(updated.modRevision(), conflict.current().modRevision());
        assertEquals("v2", text(conflict.current()));
        assertThrows(StorageException.Conflict.class, () -> storage.delete(key, created.modRevision()));
        assertEquals("v2", text(storage.get(key)));
        assertEquals(updated.modRevision(), storage.currentRevision());
    }

    @Test
    void zeroExpectedRevisionIsUnconditional() {
        String key = root + "a";
        storage.create(key, bytes("v1"));
        assertEquals("v2", text(storage.update(key, bytes("v2"), 0)));
        storage.delete(key, 0);
        assertNull(storage.get(key));
    }

    @Test
    void everyWriteGetsTheNextHigherRevision() {
        long before = storage.currentRevision();
        long last = before;
        for (int i = 0; i < 20; i++) {
            KeyValue kv = storage.create(root + i, bytes("v"));
            assertTrue(kv.modRevision() > last, "revision " + kv.modRevision() + " after " + last);
            last = kv.modRevision();
            assertEquals(last, storage.currentRevision());
        }
        KeyValue updated = storage.update(root + 3, bytes("w"), storage.get(root + 3).modRevision());
        assertTrue(updated.modRevision() > last);
    }

    @Test
    void listsByPrefixInPages() {
        for (int i = 0; i < 7; i++) {
            storage.create(root + "pods/p" + i, bytes("pod" + i));
        }
        storage.create(root + "podsx", bytes("not a child"));
        storage.create(root + "services/s", bytes("svc"));
        String prefix = root + "pods/";

        ListResult all = storage.list(prefix, 0, null, 0);
        assertEquals(7, all.items().size());
        assertFalse(all.more());
        assertEquals(storage.currentRevision(), all.revision());

        List<String> paged = new ArrayList<>();
        String startAfter = null;
        long readAt = 0;
        int pages = 0;
        ListResult page;
        do {
            page = storage.list(prefix, readAt, startAfter, 3);
            readAt = page.revision();
            page.items().forEach(kv -> paged.add(kv.key()));
            startAfter = page.items().get(page.items().size() - 1).key();
            pages++;
            // Writes between pages must not show up: later pages read at the first page's revision.
            storage.create(prefix + "p" + pages + "-late", bytes("late"));
        } while (page.more());
        assertEquals(3, pages);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(prefix + "p" + i);
        }
        assertEquals(expected, paged);
        assertEquals(10, storage.list(prefix, 0, null, 0).items().size());
    }

    @Test
    void listsAtAPastRevision() {
        KeyValue a1 = storage.create(root + "a", bytes("a1"));
        KeyValue a2 = storage.update(root + "a", bytes("a2"), a1.modRevision());
        KeyValue b1 = storage.create(root + "b", bytes("b1"));
        KeyValue aDeleted = storage.delete(root + "a", 0);

        assertEquals(List.of("a1"), texts(storage.list(root, a1.modRevision(), null, 0)));
        assertEquals(List.of("a2"), texts(storage.list(root, a2.modRevision(), null, 0)));
        assertEquals(List.of("a2", "b1"), texts(storage.list(root, b1.modRevision(), null, 0)));
        assertEquals(List.of("b1"), texts(storage.list(root, aDeleted.modRevision(), null, 0)));
        ListResult past = storage.list(root, a2.modRevision(), null, 0);
        assertEquals(a2.modRevision(), past.revision());
        assertEquals(a1.createRevision(), past.items().get(0).createRevision());
    }

    private static List<String> texts(ListResult result) {
        return result.items().stream().map(StorageContractTest::text).toList();
    }

    @Test
    void watchDeliversHistoryThenLiveEventsInOrderExactlyOnce() throws Exception {
        String prefix = root + "pods/";
        KeyValue before = storage.create(prefix + "a", bytes("a1"));
        KeyValue a2 = storage.update(prefix + "a", bytes("a2"), before.modRevision());
        storage.create(root + "other", bytes("elsewhere"));
        storage.create(prefix + "b", bytes("b1"));

        try (EventCollector events = new EventCollector();
             Watch ignored = storage.watch(prefix, before.modRevision(), events)) {
            // Writers race the watch start: none of their events may be lost or doubled.
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        storage.create(prefix + "w" + writer + "-" + i, bytes("x"));
                        storage.create(root + "other-" + writer + "-" + i, bytes("x"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            writers.shutdown();
            KeyValue deleted = storage.delete(prefix + "a", 0);

            List<WatchEvent> received = events.await(2 + 100 + 1);
            assertEquals(WatchEvent.Type.UPDATED, received.get(0).type());
            assertEquals(a2.modRevision(), received.get(0).revision());
            assertEquals("a1", text(received.get(0).prevKv()));
            assertEquals(WatchEvent.Type.CREATED, received.get(1).type());
            assertNull(received.get(1).prevKv());
            WatchEvent last = received.get(received.size() - 1);
            assertEquals(WatchEvent.Type.DELETED, last.type());
            assertEquals(deleted.modRevision(), last.revision());
            assertEquals(prefix + "a", last.kv().key());
            for (int i = 1; i < received.size(); i++) {
                assertTrue(received.get(i).revision() > received.get(i - 1).revision(), "out of order at " + i);
            }
            assertTrue(received.stream().allMatch(e -> e.kv().key().startsWith(prefix)));
            events.assertNothingMore();
        }
    }

    @Test
    void watchFromNowSeesOnlyLaterEvents() throws Exception {
        storage.create(root + "old", bytes("x"));
        try (EventCollector events = new EventCollector();
             Watch ignored = storage.watch(root, storage.currentRevision(), events)) {
            KeyValue fresh = storage.create(root + "new", bytes("y"));
            List<WatchEvent> received = events.await(1);
            assertEquals(fresh.modRevision(), received.get(0).revision());
            events.assertNothingMore();
        }
    }

    @Test
    void closedWatchReceivesNothing() throws Exception {
        try (EventCollector events = new EventCollector()) {
            Watch watch = storage.watch(root, storage.currentRevision(), events);
            storage.create(root + "a", bytes("x"));
            events.await(1);
            watch.close();
            storage.create(root + "b", bytes("x"));
            storage.delete(root + "a", 0);
            events.assertNothingMore();
        }
    }

    @Test
    void compactionAnswersGoneBelowTheCompactedRevision() throws Exception {
        String key = root + "a";
        KeyValue v1 = storage.create(key, bytes("v1"));
        KeyValue v2 = storage.update(key, bytes("v2"), v1.modRevision());
        KeyValue gone = storage.create(root + "gone", bytes("x"));
        storage.delete(gone.key(), 0);
        KeyValue v3 = storage.update(key, bytes("v3"), v2.modRevision());
        long compactAt = v3.modRevision() - 1;

        assertThrows(StorageException.class, () -> storage.compact(storage.currentRevision() + 100));
        assertTrue(storage.compactedRevision() < compactAt, "a refused compaction must not count");
        storage.compact(compactAt);
        assertTrue(storage.compactedRevision() >= compactAt);

        StorageException.Gone listGone = assertThrows(StorageException.Gone.class,
                () -> storage.list(root, v2.modRevision(), null, 0));
        assertTrue(listGone.compactedRevision() >= compactAt);
        assertThrows(StorageException.Gone.class, () -> storage.watch(root, v1.modRevision(), e -> { }));

        assertEquals(List.of("v2"), texts(storage.list(root, compactAt, null, 0)));
        assertEquals("v3", text(storage.get(key)));
        try (EventCollector events = new EventCollector();
             Watch ignored = storage.watch(root, compactAt, events)) {
            WatchEvent event = events.await(1).get(0);
            assertEquals(v3.modRevision(), event.revision());
            events.assertNothingMore();
        }
    }

    @Test
    void concurrentCompareAndSwapLosesNoUpdate() throws Exception {
        String key = root + "counter";
        storage.create(key, bytes("0"));
        int threads = 8;
        int increments = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int conflicts = 0;
                for (int i = 0; i < increments; i++) {
                    while (true) {
                        KeyValue current = storage.get(key);
                        int next = Integer.parseInt(text(current)) + 1;
                        try {
                            storage.update(key, bytes(Integer.toString(next)), current.modRevision());
                            break;
                        } catch (StorageException.Conflict e) {
                            conflicts++;
                        }
                    }
                }
                return conflicts;
            }));
        }
        for (Future<Integer> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(Integer.toString(threads * increments), text(storage.get(key)));
    }

    @Test
    void concurrentCreatesOfOneKeyHaveOneWinner() throws Exception {
        String key = root + "contended";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            String value = "writer-" + t;
            attempts.add(pool.submit(() -> {
                try {
                    storage.create(key, bytes(value));
                    return true;
                } catch (StorageException.AlreadyExists e) {
                    return false;
                }
            }));
        }
        int winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, winners);
        assertEquals(1, storage.list(root, 0, null, 0).items().size());
    }

    @Test
    void aListenerThatThrowsEndsOnlyItsOwnWatch() throws Exception {
        try (EventCollector healthy = new EventCollector();
             Watch failing = storage.watch(root, storage.currentRevision(), e -> {
                 throw new IllegalStateException("listener bug");
             });
             Watch ignored = storage.watch(root, storage.currentRevision(), healthy)) {
            storage.create(root + "a", bytes("x"));
            storage.create(root + "b", bytes("x"));
            assertEquals(2, healthy.await(2).size());
            storage.create(root + "c", bytes("x"));
            assertEquals(root + "c", healthy.await(1).get(0).kv().key());
        }
    }

    @Test
    void aClosedStoreRefusesWorkAndClosesTwiceQuietly() {
        storage.close();
        assertThrows(StorageException.class, () -> storage.create(root + "late", bytes("x")));
        assertThrows(StorageException.class, () -> storage.get(root + "late"));
        storage.close();
    }

    @Test
    void valuesRoundTripAsBytes() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        storage.create(root + "bin", binary);
        KeyValue read = storage.get(root + "bin");
        assertNotNull(read);
        assertArrayEquals(binary, read.value());
    }
}
