package dev.jctl.runtime.storage;

/** One version of a key: its value and the revisions at which it was created and last modified. */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {
}
