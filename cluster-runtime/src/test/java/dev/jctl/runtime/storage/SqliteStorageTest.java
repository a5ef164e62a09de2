package dev.jctl.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest extends StorageContractTest {
    @TempDir
    Path dir;

    @Override
    protected Storage open() {
        return new SqliteStorage(dir.resolve("state.db"));
    }

    private Storage reopen() {
        storage.close();
        storage = open();
        return storage;
    }

    @Test
    void survivesCloseAndReopen() {
        KeyValue a = storage.create(root + "a", bytes("a1"));
        KeyValue a2 = storage.update(root + "a", bytes("a2"), a.modRevision());
        KeyValue b = storage.create(root + "b", bytes("b1"));
        storage.delete(root + "b", 0);
        long revision = storage.currentRevision();

        reopen();
        assertEquals(revision, storage.currentRevision());
        assertEquals("a2", text(storage.get(root + "a")));
        assertEquals(a2.modRevision(), storage.get(root + "a").modRevision());
        assertNull(storage.get(root + "b"));
        assertEquals(List.of("a1"), storage.list(root, a.modRevision(), null, 0).items().stream()
                .map(StorageContractTest::text).toList());
        assertEquals(b.modRevision(), storage.list(root, b.modRevision(), null, 0).items().get(1).modRevision());
        assertTrue(storage.create(root + "c", bytes("c")).modRevision() > revision);
    }

    @Test
    void aSecondWriterOnTheSameFileIsRefused() {
        StorageException refused = assertThrows(StorageException.class, this::open);
        assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        storage.create(root + "a", bytes("still writable"));
        reopen();
        assertEquals("still writable", text(storage.get(root + "a")));
    }

    @Test
    void compactionDeletesSupersededRowsAndTombstones() throws Exception {
        KeyValue kv = storage.create(root + "a", bytes("0"));
        for (int i = 1; i <= 5; i++) {
            kv = storage.update(root + "a", bytes(Integer.toString(i)), kv.modRevision());
        }
        storage.create(root + "b", bytes("b"));
        storage.delete(root + "b", 0);
        assertEquals(8, rows());

        storage.compact(storage.currentRevision());
        assertEquals(1, rows());
        kv = storage.update(root + "a", bytes("6"), kv.modRevision());
        storage.update(root + "a", bytes("7"), kv.modRevision());
        storage.compact(storage.currentRevision());
        assertEquals(1, rows());
        assertEquals("7", text(storage.get(root + "a")));
    }

    private long rows() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"))) {
            return KineTable.queryLong(connection, "SELECT COUNT(*) FROM kine");
        }
    }

    @Test
    void watchResumesAfterReopenFromTheLastSeenRevision() throws Exception {
        KeyValue seen = storage.create(root + "a", bytes("a1"));
        KeyValue a2 = storage.update(root + "a", bytes("a2"), seen.modRevision());
        KeyValue b = storage.create(root + "b", bytes("b1"));

        reopen();
        try (EventCollector events = new EventCollector();
             Watch ignored = storage.watch(root, seen.modRevision(), events)) {
            KeyValue c = storage.create(root + "c", bytes("c1"));
            List<Long> revisions = events.await(3).stream().map(WatchEvent::revision).toList();
            assertEquals(List.of(a2.modRevision(), b.modRevision(), c.modRevision()), revisions);
            events.assertNothingMore();
        }
    }

    @Test
    void compactionSurvivesReopenEvenWhenItRemovedTheNewestRow() {
        KeyValue a = storage.create(root + "a", bytes("a1"));
        storage.update(root + "a", bytes("a2"), a.modRevision());
        KeyValue deleted = storage.delete(root + "a", 0);
        storage.compact(deleted.modRevision());

        reopen();
        assertEquals(deleted.modRevision(), storage.compactedRevision());
        assertEquals(deleted.modRevision(), storage.currentRevision());
        assertThrows(StorageException.Gone.class, () -> storage.list(root, a.modRevision(), null, 0));
        assertTrue(storage.create(root + "a", bytes("again")).modRevision() > deleted.modRevision());
    }
}
