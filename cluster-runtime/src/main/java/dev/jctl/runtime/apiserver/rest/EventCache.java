package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.KeyValue;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The work of a watch event done once for all watchers, as kube-apiserver's watch cache does: each stored value
 * is decoded once per kind, and each event encoded once per kind, type and rendering. The most recent entries
 * are kept up to a byte budget (objects reach 3 MiB), enough for watchers a few thousand small events behind;
 * one further behind just recomputes. Decoded objects are shared between threads, so nobody may modify them
 * (matching and rendering only read).
 */
final class EventCache {
    /** Stored or encoded bytes kept; a decoded object is counted at the size of its stored bytes. */
    private static final long BUDGET = 32L << 20;

    private record Key(KindInfo kind, long revision, String what) { }

    private record Entry(Object value, long size) { }

    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long size;

    /** {@code kv} decoded as {@link ObjectStore#decode} does; a revision identifies one stored value. */
    ObjectNode decoded(KindInfo kind, KeyValue kv) {
        Key key = new Key(kind, kv.modRevision(), "");
        Object cached = get(key);
        if (cached != null) {
            return (ObjectNode) cached;
        }
        ObjectNode object = ObjectStore.decode(kind, kv);
        put(key, object, kv.value().length);
        return object;
    }

    /** The bytes of the event of {@code type} at {@code revision} as {@code rendering} shows it. */
    byte[] encoded(KindInfo kind, long revision, String type, Rendering rendering, Supplier<byte[]> encode) {
        Key key = new Key(kind, revision, type + " " + rendering.form());
        Object cached = get(key);
        if (cached != null) {
            return (byte[]) cached;
        }
        byte[] bytes = encode.get();
        put(key, bytes, bytes.length);
        return bytes;
    }

    private synchronized Object get(Key key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** Values are computed outside the lock: two watchers missing at once both compute, rare and harmless. */
    private synchronized void put(Key key, Object value, long bytes) {
        Entry old = entries.put(key, new Entry(value, bytes));
        size += bytes - (old == null ? 0 : old.size());
        for (Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
                size > BUDGET && eldest.hasNext(); ) {
            size -= eldest.next().getValue().size();
            eldest.remove();
        }
    }
}
