package dev.jctl.runtime.storage;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The cluster store: an MVCC key-value log in the manner of etcd/kine. Every successful write is assigned the
 * next global revision, which the API server exposes as the object's resourceVersion. Keys look like
 * {@code /registry/<group>/<resource>/<namespace>/<name>}; values are opaque bytes (serialized objects).
 * Implementations are thread-safe.
 */
public interface Storage extends AutoCloseable {

    /** The revision of the latest write (0 for an empty store). */
    long currentRevision();

    /** The live value of {@code key}, or {@code null} when absent. */
    KeyValue get(String key);

    /** Creates {@code key}; fails with {@link StorageException.AlreadyExists} when it is live. */
    KeyValue create(String key, byte[] value);

    /**
     * {@link #create}, completed when the write is durable, failing with the same {@link StorageException}s. A
     * store that commits on a thread of its own completes it there, so the caller need not park a thread of its own
     * for the commit; by default the create runs on the calling thread.
     */
    default CompletableFuture<KeyValue> createAsync(String key, byte[] value) {
        try {
            return CompletableFuture.completedFuture(create(key, value));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Replaces {@code key} if its modRevision equals {@code expectedModRevision} (compare-and-swap; 0 means
     * unconditional); fails with {@link StorageException.NotFound} or {@link StorageException.Conflict}.
     */
    KeyValue update(String key, byte[] value, long expectedModRevision);

    /**
     * Deletes {@code key}; {@code expectedModRevision} 0 means unconditional. Returns the deleted value with
     * the revision of the deletion as its modRevision.
     */
    KeyValue delete(String key, long expectedModRevision);

    /**
     * Lists live keys under {@code prefix} as of {@code revision} (0 = latest), sorted by key, starting after
     * {@code startAfter} (null = from the beginning), at most {@code limit} items (0 = no limit). A revision
     * below the compacted one fails with {@link StorageException.Gone}; the compacted revision itself can still
     * be read. To page consistently, pass the first page's {@link ListResult#revision()} to later pages.
     */
    ListResult list(String prefix, long revision, String startAfter, int limit);

    /**
     * Delivers, in revision order, every change under {@code prefix} with a revision greater than
     * {@code afterRevision}, first the stored history and then live changes, until the returned handle is
     * closed. {@code afterRevision} below {@link #compactedRevision()} fails with {@link StorageException.Gone}.
     * The listener is called on a store thread, one event at a time; it should not block for long, and a
     * listener that throws ends its own watch (skipping the event would leave a gap the consumer cannot see).
     */
    Watch watch(String prefix, long afterRevision, Consumer<WatchEvent> listener);

    /** Forgets the history at or below {@code revision}; later reads and watches below it answer Gone. */
    void compact(long revision);

    /** The highest compacted revision (0 when nothing was compacted). */
    long compactedRevision();

    @Override
    void close();
}
