package dev.jctl.runtime.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * An in-memory MVCC store: a revision log (one event per revision) plus a key index holding every retained
 * version of each key, so lists at a past revision and watches from a past revision need no extra copies.
 * Nothing survives {@link #close()}; meant for tests and throw-away clusters.
 */
public final class MemoryStorage implements Storage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<String, KeyHistory> index = new TreeMap<>();
    /** Events of revisions {@code compacted + 1 .. revision}; the event of revision r is at r - compacted - 1. */
    private List<WatchEvent> log = new ArrayList<>();
    private long revision;
    private long compacted;
    private final WatchHub hub = new WatchHub();
    private volatile boolean closed;

    @Override
    public long currentRevision() {
        lock.readLock().lock();
        try {
            return revision;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public KeyValue get(String key) {
        ensureOpen();
        lock.readLock().lock();
        try {
            KeyHistory history = index.get(key);
            return history == null ? null : history.live();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        ensureOpen();
        lock.writeLock().lock();
        try {
            KeyHistory history = index.computeIfAbsent(key, k -> new KeyHistory());
            if (history.live() != null) {
                throw new StorageException.AlreadyExists(key);
            }
            long rev = revision + 1;
            KeyValue kv = new KeyValue(key, value, rev, rev);
            append(history, kv, false, new WatchEvent(WatchEvent.Type.CREATED, kv, null));
            return kv;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        ensureOpen();
        lock.writeLock().lock();
        try {
            KeyValue current = live(key, expectedModRevision);
            KeyValue kv = new KeyValue(key, value, current.createRevision(), revision + 1);
            append(index.get(key), kv, false, new WatchEvent(WatchEvent.Type.UPDATED, kv, current));
            return kv;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        ensureOpen();
        lock.writeLock().lock();
        try {
            KeyValue current = live(key, expectedModRevision);
            KeyValue kv = new KeyValue(key, current.value(), current.createRevision(), revision + 1);
            append(index.get(key), kv, true, new WatchEvent(WatchEvent.Type.DELETED, kv, current));
            return kv;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The live value of {@code key}, checked against {@code expectedModRevision} (0 = any). */
    private KeyValue live(String key, long expectedModRevision) {
        KeyHistory history = index.get(key);
        KeyValue current = history == null ? null : history.live();
        if (current == null) {
            throw new StorageException.NotFound(key);
        }
        if (expectedModRevision != 0 && current.modRevision() != expectedModRevision) {
            throw new StorageException.Conflict(key, current);
        }
        return current;
    }

    private void append(KeyHistory history, KeyValue kv, boolean tombstone, WatchEvent event) {
        history.add(kv, tombstone);
        log.add(event);
        revision = kv.modRevision();
        // Under the write lock, so watchers see events in revision order.
        hub.publish(event);
    }

    @Override
    public ListResult list(String prefix, long atRevision, String startAfter, int limit) {
        ensureOpen();
        lock.readLock().lock();
        try {
            long rev = readRevision(atRevision);
            Map<String, KeyHistory> range = startAfter == null || startAfter.compareTo(prefix) < 0
                    ? index.tailMap(prefix, true)
                    : index.tailMap(startAfter, false);
            List<KeyValue> items = new ArrayList<>();
            for (Map.Entry<String, KeyHistory> entry : range.entrySet()) {
                if (!entry.getKey().startsWith(prefix)) {
                    break;
                }
                KeyValue kv = entry.getValue().at(rev);
                if (kv == null) {
                    continue;
                }
                if (limit > 0 && items.size() == limit) {
                    return new ListResult(items, rev, true);
                }
                items.add(kv);
            }
            return new ListResult(items, rev, false);
        } finally {
            lock.readLock().unlock();
        }
    }

    private long readRevision(long atRevision) {
        if (atRevision == 0) {
            return revision;
        }
        if (atRevision < compacted) {
            throw new StorageException.Gone(atRevision, compacted);
        }
        if (atRevision > revision) {
            throw new StorageException("revision " + atRevision + " is in the future (current " + revision + ")");
        }
        return atRevision;
    }

    @Override
    public Watch watch(String prefix, long afterRevision, Consumer<WatchEvent> listener) {
        ensureOpen();
        WatchHub.Registration registration;
        List<WatchEvent> history = new ArrayList<>();
        // The read lock excludes writers, so no event can fall between the history and the live feed.
        lock.readLock().lock();
        try {
            if (afterRevision < compacted) {
                throw new StorageException.Gone(afterRevision, compacted);
            }
            registration = hub.register(prefix, afterRevision, listener);
            for (int i = (int) Math.max(0, afterRevision - compacted); i < log.size(); i++) {
                WatchEvent event = log.get(i);
                if (event.kv().key().startsWith(prefix)) {
                    history.add(event);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        registration.prime(history);
        return registration;
    }

    @Override
    public void compact(long compactRevision) {
        ensureOpen();
        lock.writeLock().lock();
        try {
            if (compactRevision <= compacted) {
                return;
            }
            if (compactRevision > revision) {
                throw new StorageException("cannot compact to " + compactRevision + " beyond revision " + revision);
            }
            int dropped = (int) (compactRevision - compacted);
            Set<String> touched = new HashSet<>();
            for (WatchEvent event : log.subList(0, dropped)) {
                touched.add(event.kv().key());
            }
            for (String key : touched) {
                KeyHistory history = index.get(key);
                if (history.compact(compactRevision)) {
                    index.remove(key);
                }
            }
            log = new ArrayList<>(log.subList(dropped, log.size()));
            compacted = compactRevision;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long compactedRevision() {
        lock.readLock().lock();
        try {
            return compacted;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("storage is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        hub.close();
    }

    /** The retained versions of one key, oldest first. */
    private static final class KeyHistory {
        /** One version; a tombstone records a deletion at its kv's modRevision. */
        private record Version(KeyValue kv, boolean tombstone) {
        }

        private final List<Version> versions = new ArrayList<>(2);

        void add(KeyValue kv, boolean tombstone) {
            versions.add(new Version(kv, tombstone));
        }

        KeyValue live() {
            return versions.isEmpty() ? null : visible(versions.size() - 1);
        }

        /** The value live at {@code rev}, or null. */
        KeyValue at(long rev) {
            int i = floor(rev);
            return i < 0 ? null : visible(i);
        }

        private KeyValue visible(int i) {
            Version version = versions.get(i);
            return version.tombstone() ? null : version.kv();
        }

        /** Index of the last version with modRevision at or below {@code rev}, or -1. */
        private int floor(long rev) {
            int lo = 0;
            int hi = versions.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (versions.get(mid).kv().modRevision() <= rev) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        /** Drops versions no read at or above {@code rev} can see; true when nothing is left. */
        boolean compact(long rev) {
            int keep = floor(rev);
            if (keep >= 0 && versions.get(keep).tombstone()) {
                keep++;
            }
            if (keep > 0) {
                versions.subList(0, keep).clear();
            }
            return versions.isEmpty();
        }
    }
}
