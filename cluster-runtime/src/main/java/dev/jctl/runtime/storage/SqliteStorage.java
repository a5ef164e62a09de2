package dev.jctl.runtime.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file holding a kine-style log table (row id = revision), in WAL mode with
 * {@code synchronous=FULL}, so a write is acknowledged only once it is on disk. All writes go through one
 * {@link GroupCommitWriter}, which batches concurrent callers into one durable transaction; that process-wide
 * single writer is also why committed events can be broadcast to watchers in-process. Reads use a pool of
 * connections ({@link SqliteReaderPool}), each read in one snapshot ({@link SqliteReader}).
 */
public final class SqliteStorage implements Storage {
    /** Enough for the API server's worker pool to read without waiting; idle ones cost only a page cache. */
    private static final int READERS = 16;

    private final WatchHub hub = new WatchHub();
    private final WriterLock writerLock;
    private final GroupCommitWriter writer;
    private final Connection writeConnection;
    private final SqliteReaderPool readers;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Opens (creating if needed) the store in {@code file}; revisions continue from those already stored. Only
     * one open store per file is allowed at a time, across processes.
     */
    public SqliteStorage(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writerLock = WriterLock.acquire(Path.of(file.toAbsolutePath() + ".lock"));
        } catch (IOException e) {
            throw new StorageException("cannot lock sqlite store " + file + ": " + e.getMessage(), e);
        }
        try {
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            writeConnection = config().createConnection(url);
            KineTable.createSchema(writeConnection);
            long compacted = KineTable.queryLong(writeConnection, KineTable.COMPACTED_REVISION);
            // Compaction may have removed the newest row (a deletion), so the compaction mark bounds it too.
            long revision = Math.max(KineTable.queryLong(writeConnection, KineTable.CURRENT_REVISION), compacted);
            readers = new SqliteReaderPool(READERS, () -> config().createConnection(url));
            writer = new GroupCommitWriter(writeConnection, revision, compacted, hub::publish);
        } catch (SQLException e) {
            closeQuietly(writerLock);
            throw new StorageException("cannot open sqlite store " + file + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        return config;
    }

    @Override
    public long currentRevision() {
        return writer.revision();
    }

    @Override
    public KeyValue get(String key) {
        return readers.read(reader -> {
            KineTable.Row row = reader.latest(key);
            return row == null || row.deleted() ? null : row.kv();
        });
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        return writer.create(key, value);
    }

    @Override
    public CompletableFuture<KeyValue> createAsync(String key, byte[] value) {
        return writer.createAsync(key, value);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        return writer.update(key, value, expectedModRevision);
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        return writer.delete(key, expectedModRevision);
    }

    @Override
    public ListResult list(String prefix, long revision, String startAfter, int limit) {
        return readers.read(reader -> reader.list(prefix, revision, startAfter, limit));
    }

    @Override
    public Watch watch(String prefix, long afterRevision, Consumer<WatchEvent> listener) {
        // Registered before the history snapshot is taken: every later commit reaches the live buffer.
        WatchHub.Registration registration = hub.register(prefix, afterRevision, listener);
        try {
            registration.prime(readers.read(reader -> reader.history(prefix, afterRevision)));
        } catch (RuntimeException e) {
            registration.close();
            throw e;
        }
        return registration;
    }

    @Override
    public void compact(long revision) {
        writer.compact(revision);
    }

    @Override
    public long compactedRevision() {
        return writer.compacted();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        hub.close();
        readers.close();
        closeQuietly(writeConnection);
        closeQuietly(writerLock);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // Closing is best effort: the data is already committed.
        }
    }
}
