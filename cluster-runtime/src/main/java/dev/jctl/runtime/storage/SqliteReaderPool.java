package dev.jctl.runtime.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * Read connections of a {@link SqliteStorage}, opened on demand up to a bound. Below the bound a reader never
 * waits for another; at it, a fair semaphore serves waiters in arrival order so none starves under load.
 * The most recently used connection is reused first, keeping its page cache warm.
 */
final class SqliteReaderPool implements AutoCloseable {
    interface Opener {
        Connection open() throws SQLException;
    }

    interface ReadOperation<T> {
        T run(SqliteReader reader) throws SQLException;
    }

    private final int size;
    private final Opener opener;
    private final Semaphore permits;
    private final Deque<SqliteReader> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    SqliteReaderPool(int size, Opener opener) {
        this.size = size;
        this.opener = opener;
        this.permits = new Semaphore(size, true);
    }

    <T> T read(ReadOperation<T> operation) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted waiting for a read connection", e);
        }
        try {
            if (closed) {
                throw new StorageException("storage is closed");
            }
            SqliteReader reader = idle.pollFirst();
            if (reader == null) {
                reader = new SqliteReader(opener.open());
            }
            try {
                return operation.run(reader);
            } finally {
                reader.endSnapshot();
                idle.addFirst(reader);
            }
        } catch (SQLException e) {
            throw new StorageException("sqlite read failed: " + e.getMessage(), e);
        } finally {
            permits.release();
        }
    }

    /** Waits for running reads, closes every connection, and fails later reads. */
    @Override
    public void close() {
        closed = true;
        permits.acquireUninterruptibly(size);
        try {
            for (SqliteReader reader; (reader = idle.pollFirst()) != null; ) {
                reader.close();
            }
        } finally {
            permits.release(size);
        }
    }
}
