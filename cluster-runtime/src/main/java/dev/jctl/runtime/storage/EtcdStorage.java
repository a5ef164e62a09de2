package dev.jctl.runtime.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on an etcd cluster through jetcd: keys are etcd keys, revisions are etcd's mod revisions,
 * compare-and-swap is a transaction on mod_revision, and watches are etcd watches from a start revision.
 * The compacted revision is kept in {@value #COMPACT_KEY}, the key kube-apiserver uses for the same purpose,
 * so it survives restarts and several API servers agree on it.
 */
public final class EtcdStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdStorage.class);
    static final String COMPACT_KEY = "compact_rev_key";
    private static final long TIMEOUT_SECONDS = 30;
    private static final PutOption PUT_WITH_PREVIOUS = PutOption.builder().withPrevKV().build();
    private static final DeleteOption DELETE_WITH_PREVIOUS = DeleteOption.builder().withPrevKV(true).build();

    private final Client client;
    private final KV kv;

    /** Connects to etcd at {@code endpoints} (URLs such as {@code http://127.0.0.1:2379}). */
    public EtcdStorage(List<String> endpoints) {
        client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build();
        kv = client.getKVClient();
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, UTF_8);
    }

    /** The exclusive end of the key range holding every key under {@code prefix}; "\0" means no end. */
    private static ByteSequence rangeEnd(String prefix) {
        return prefix.isEmpty() ? ByteSequence.from(new byte[] {0}) : bytes(KineTable.prefixEnd(prefix));
    }

    private static KeyValue keyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(kv.getKey().toString(UTF_8), kv.getValue().getBytes(), kv.getCreateRevision(),
                kv.getModRevision());
    }

    @Override
    public long currentRevision() {
        return await(kv.get(bytes(COMPACT_KEY), GetOption.builder().withCountOnly(true).build()))
                .getHeader().getRevision();
    }

    @Override
    public KeyValue get(String key) {
        GetResponse response = await(kv.get(bytes(key)));
        return response.getKvs().isEmpty() ? null : keyValue(response.getKvs().get(0));
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        ByteSequence k = bytes(key);
        TxnResponse response = await(kv.txn()
                .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.version(0)))
                .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
                .commit());
        if (!response.isSucceeded()) {
            throw new StorageException.AlreadyExists(key);
        }
        long revision = response.getHeader().getRevision();
        return new KeyValue(key, value, revision, revision);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        ByteSequence k = bytes(key);
        TxnResponse response = compareAndSwap(key, expectedModRevision,
                Op.put(k, ByteSequence.from(value), PUT_WITH_PREVIOUS));
        KeyValue previous = keyValue(response.getPutResponses().get(0).getPrevKv());
        return new KeyValue(key, value, previous.createRevision(), response.getHeader().getRevision());
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        TxnResponse response = compareAndSwap(key, expectedModRevision, Op.delete(bytes(key), DELETE_WITH_PREVIOUS));
        KeyValue previous = keyValue(response.getDeleteResponses().get(0).getPrevKvs().get(0));
        return new KeyValue(key, previous.value(), previous.createRevision(), response.getHeader().getRevision());
    }

    /** Runs {@code change} if the key is live (at {@code expectedModRevision}, unless 0); else explains why not. */
    private TxnResponse compareAndSwap(String key, long expectedModRevision, Op change) {
        ByteSequence k = bytes(key);
        Cmp condition = expectedModRevision == 0
                ? new Cmp(k, Cmp.Op.GREATER, CmpTarget.version(0))
                : new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision));
        TxnResponse response = await(kv.txn().If(condition).Then(change).Else(Op.get(k, GetOption.DEFAULT)).commit());
        if (response.isSucceeded()) {
            return response;
        }
        List<io.etcd.jetcd.KeyValue> current = response.getGetResponses().get(0).getKvs();
        if (current.isEmpty()) {
            throw new StorageException.NotFound(key);
        }
        throw new StorageException.Conflict(key, keyValue(current.get(0)));
    }

    @Override
    public ListResult list(String prefix, long revision, String startAfter, int limit) {
        String from = startAfter == null || startAfter.compareTo(prefix) < 0 ? prefix : startAfter + "\0";
        GetOption option = GetOption.builder()
                .withRange(rangeEnd(prefix))
                .withRevision(revision)
                .withLimit(limit)
                .build();
        GetResponse response;
        try {
            response = await(kv.get(bytes(from), option));
        } catch (StorageException e) {
            throw compactedOr(e, revision);
        }
        List<KeyValue> items = new ArrayList<>(response.getKvs().size());
        response.getKvs().forEach(item -> items.add(keyValue(item)));
        return new ListResult(items, revision == 0 ? response.getHeader().getRevision() : revision, response.isMore());
    }

    private StorageException compactedOr(StorageException e, long revision) {
        if (e.getCause() instanceof CompactedException
                || String.valueOf(e.getMessage()).contains("required revision has been compacted")) {
            return new StorageException.Gone(revision, compactedRevision());
        }
        return e;
    }

    @Override
    public Watch watch(String prefix, long afterRevision, Consumer<WatchEvent> listener) {
        // etcd still serves a watch starting at the compacted revision itself; the contract answers Gone there.
        long compacted = compactedRevision();
        if (afterRevision < compacted) {
            throw new StorageException.Gone(afterRevision, compacted);
        }
        EtcdWatch watch = new EtcdWatch(prefix, listener);
        WatchOption option = WatchOption.builder()
                .withRange(rangeEnd(prefix))
                .withRevision(afterRevision + 1)
                .withPrevKV(true)
                .build();
        watch.start(client.getWatchClient().watch(bytes(prefix), option,
                io.etcd.jetcd.Watch.listener(watch::onResponse, watch::onError)));
        return watch;
    }

    /** Converts etcd's events and stops delivering as soon as it is closed. */
    private static final class EtcdWatch implements Watch {
        private final String prefix;
        private final Consumer<WatchEvent> listener;
        private volatile io.etcd.jetcd.Watch.Watcher watcher;
        private volatile boolean closed;

        EtcdWatch(String prefix, Consumer<WatchEvent> listener) {
            this.prefix = prefix;
            this.listener = listener;
        }

        void start(io.etcd.jetcd.Watch.Watcher started) {
            watcher = started;
            if (closed) {
                started.close();
            }
        }

        void onResponse(io.etcd.jetcd.watch.WatchResponse response) {
            for (io.etcd.jetcd.watch.WatchEvent event : response.getEvents()) {
                if (closed) {
                    return;
                }
                try {
                    listener.accept(convert(event));
                } catch (RuntimeException e) {
                    // As in WatchHub: a gap the consumer cannot see would be worse than an ended watch.
                    LOG.warn("watch listener on {} failed; closing the watch", prefix, e);
                    close();
                }
            }
        }

        private static WatchEvent convert(io.etcd.jetcd.watch.WatchEvent event) {
            KeyValue kv = keyValue(event.getKeyValue());
            io.etcd.jetcd.KeyValue prev = event.getPrevKV();
            KeyValue previous = prev == null || prev.getKey().isEmpty() ? null : keyValue(prev);
            return switch (event.getEventType()) {
                case PUT -> event.getKeyValue().getVersion() == 1
                        ? new WatchEvent(WatchEvent.Type.CREATED, kv, null)
                        : new WatchEvent(WatchEvent.Type.UPDATED, kv, previous);
                case DELETE -> new WatchEvent(WatchEvent.Type.DELETED, previous == null ? kv
                        : new KeyValue(kv.key(), previous.value(), previous.createRevision(), kv.modRevision()),
                        previous);
                default -> throw new IllegalStateException("unknown etcd event " + event.getEventType());
            };
        }

        void onError(Throwable error) {
            LOG.warn("etcd watch on {} ended", prefix, error);
            close();
        }

        @Override
        public void close() {
            closed = true;
            io.etcd.jetcd.Watch.Watcher started = watcher;
            if (started != null) {
                started.close();
            }
        }
    }

    @Override
    public void compact(long revision) {
        if (revision <= compactedRevision()) {
            return;
        }
        long current = currentRevision();
        if (revision > current) {
            throw new StorageException("cannot compact to " + revision + " beyond revision " + current);
        }
        // Record first: a crash in between leaves the mark ahead of etcd, which only makes Gone stricter.
        await(kv.put(bytes(COMPACT_KEY), bytes(Long.toString(revision))));
        try {
            await(kv.compact(revision, CompactOption.builder().withCompactPhysical(true).build()));
        } catch (StorageException e) {
            if (!String.valueOf(e.getMessage()).contains("required revision has been compacted")) {
                throw e;
            }
        }
    }

    @Override
    public long compactedRevision() {
        GetResponse response = await(kv.get(bytes(COMPACT_KEY)));
        return response.getKvs().isEmpty() ? 0 : Long.parseLong(response.getKvs().get(0).getValue().toString(UTF_8));
    }

    @Override
    public void close() {
        client.close();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new StorageException("etcd: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StorageException("etcd did not answer within " + TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted waiting for etcd", e);
        }
    }
}
