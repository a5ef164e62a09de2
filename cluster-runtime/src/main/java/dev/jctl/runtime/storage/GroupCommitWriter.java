package dev.jctl.runtime.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The single writer of a {@link SqliteStorage}: callers queue operations, and one thread applies everything
 * queued so far in one transaction, so one fsync acknowledges a whole batch. Each operation reads the table
 * inside that transaction, so compare-and-swap checks see the earlier operations of the same batch. Futures
 * complete only after the commit returned, and a failed commit fails the whole batch.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final int MAX_BATCH = 1024;

    private final Connection connection;
    private final PreparedStatement latest;
    private final PreparedStatement insert;
    private final Consumer<List<WatchEvent>> committed;
    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Submitters share it to enqueue; close takes it alone, so nothing is queued after the writer drains. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private volatile boolean closed;
    /** Revision and compaction including the uncommitted batch; used only by the writer thread. */
    private long revision;
    private long compacted;
    /** What readers may see: the state as of the last commit. */
    private volatile long committedRevision;
    private volatile long committedCompaction;

    /**
     * @param committed receives the events of each committed batch, in revision order, on the writer thread
     */
    GroupCommitWriter(Connection connection, long revision, long compacted, Consumer<List<WatchEvent>> committed)
            throws SQLException {
        this.connection = connection;
        this.revision = revision;
        this.compacted = compacted;
        this.committedRevision = revision;
        this.committedCompaction = compacted;
        this.committed = committed;
        this.latest = connection.prepareStatement(KineTable.LATEST);
        this.insert = connection.prepareStatement(KineTable.INSERT);
        connection.setAutoCommit(false);
        thread = new Thread(this::run, "sqlite-writer");
        thread.setDaemon(true);
        thread.start();
    }

    long revision() {
        return committedRevision;
    }

    long compacted() {
        return committedCompaction;
    }

    KeyValue create(String key, byte[] value) {
        return submit(new Op(Kind.CREATE, key, value, 0));
    }

    /** A create whose future the writer completes after the commit, on its own thread. */
    CompletableFuture<KeyValue> createAsync(String key, byte[] value) {
        Op op = new Op(Kind.CREATE, key, value, 0);
        try {
            enqueue(op);
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
        return op.result.handle((kv, e) -> {
            if (e != null) {
                throw unwrap(e);
            }
            return kv;
        });
    }

    KeyValue update(String key, byte[] value, long expectedModRevision) {
        return submit(new Op(Kind.UPDATE, key, value, expectedModRevision));
    }

    KeyValue delete(String key, long expectedModRevision) {
        return submit(new Op(Kind.DELETE, key, null, expectedModRevision));
    }

    void compact(long compactRevision) {
        submit(new Op(Kind.COMPACT, null, null, compactRevision));
    }

    private KeyValue submit(Op op) {
        enqueue(op);
        try {
            return op.result.join();
        } catch (CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    private void enqueue(Op op) {
        closing.readLock().lock();
        try {
            if (closed) {
                throw new StorageException("storage is closed");
            }
            queue.add(op);
        } finally {
            closing.readLock().unlock();
        }
    }

    private static StorageException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return cause instanceof StorageException se ? se : new StorageException("write failed", cause);
    }

    private enum Kind { CREATE, UPDATE, DELETE, COMPACT }

    private record Op(Kind kind, String key, byte[] value, long revision, CompletableFuture<KeyValue> result) {
        Op(Kind kind, String key, byte[] value, long revision) {
            this(kind, key, value, revision, new CompletableFuture<>());
        }
    }

    /** What applying one operation produced: a row to publish and return, or a failure for its caller. */
    private record Outcome(Op op, KeyValue kv, WatchEvent event, StorageException failure) {
    }

    private void run() {
        List<Op> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Op first = queue.take();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // close() interrupts a writer waiting on an empty queue; the loop condition decides.
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Op> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        try {
            for (Op op : batch) {
                outcomes.add(apply(op));
            }
            connection.commit();
            committedRevision = revision;
            committedCompaction = compacted;
        } catch (SQLException | RuntimeException e) {
            rollback();
            revision = committedRevision;
            compacted = committedCompaction;
            StorageException failure = new StorageException("sqlite commit failed: " + e.getMessage(), e);
            batch.forEach(op -> op.result.completeExceptionally(failure));
            return;
        }
        List<WatchEvent> events = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            if (outcome.event != null) {
                events.add(outcome.event);
            }
        }
        if (!events.isEmpty()) {
            committed.accept(events);
        }
        for (Outcome outcome : outcomes) {
            if (outcome.failure != null) {
                outcome.op.result.completeExceptionally(outcome.failure);
            } else {
                outcome.op.result.complete(outcome.kv);
            }
        }
    }

    private Outcome apply(Op op) throws SQLException {
        if (op.kind == Kind.COMPACT) {
            return compactTo(op);
        }
        KineTable.Row current = latest(op.key);
        boolean live = current != null && !current.deleted();
        long next = revision + 1;
        KineTable.Row row;
        switch (op.kind) {
            case CREATE -> {
                if (live) {
                    return failed(op, new StorageException.AlreadyExists(op.key));
                }
                row = new KineTable.Row(next, op.key, true, false, next, current == null ? 0 : current.id(),
                        op.value, null);
            }
            case UPDATE, DELETE -> {
                if (!live) {
                    return failed(op, new StorageException.NotFound(op.key));
                }
                if (op.revision != 0 && op.revision != current.id()) {
                    return failed(op, new StorageException.Conflict(op.key, current.kv()));
                }
                boolean delete = op.kind == Kind.DELETE;
                row = new KineTable.Row(next, op.key, false, delete, current.createRevision(), current.id(),
                        delete ? current.value() : op.value, current.value());
            }
            default -> throw new IllegalStateException(op.kind.name());
        }
        row.insert(insert);
        revision = next;
        return new Outcome(op, row.kv(), row.event(), null);
    }

    private Outcome compactTo(Op op) throws SQLException {
        long target = op.revision;
        if (target > revision) {
            return failed(op, new StorageException("cannot compact to " + target + " beyond revision " + revision));
        }
        if (target > compacted) {
            try (PreparedStatement delete = connection.prepareStatement(KineTable.COMPACT);
                 PreparedStatement record = connection.prepareStatement(KineTable.SET_COMPACTED_REVISION)) {
                delete.setLong(1, compacted);
                delete.setLong(2, target);
                delete.setLong(3, compacted);
                delete.setLong(4, target);
                delete.executeUpdate();
                record.setLong(1, target);
                record.executeUpdate();
            }
            compacted = target;
        }
        return new Outcome(op, null, null, null);
    }

    private static Outcome failed(Op op, StorageException failure) {
        return new Outcome(op, null, null, failure);
    }

    private KineTable.Row latest(String key) throws SQLException {
        latest.setString(1, key);
        try (ResultSet rs = latest.executeQuery()) {
            return rs.next() ? KineTable.Row.read(rs) : null;
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is unusable either way; the next commit reports it.
        }
    }

    /** Stops accepting writes, commits what is queued, and waits for the writer to finish. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            latest.close();
            insert.close();
        } catch (SQLException ignored) {
            // Closing the connection next releases them anyway.
        }
    }
}
