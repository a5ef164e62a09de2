package dev.jctl.runtime.storage;

/**
 * A change to one key. For {@link Type#DELETED} {@code kv} carries the deletion revision as modRevision and
 * the last value; {@code prevKv} is the value before the change (null on creation).
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
    public enum Type { CREATED, UPDATED, DELETED }

    public long revision() {
        return kv.modRevision();
    }
}
