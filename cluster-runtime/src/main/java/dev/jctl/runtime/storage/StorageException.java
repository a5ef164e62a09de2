package dev.jctl.runtime.storage;

/** Failures a store reports; the API server maps each to a Kubernetes Status. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }

    public static final class NotFound extends StorageException {
        public NotFound(String key) {
            super("key not found: " + key);
        }
    }

    public static final class AlreadyExists extends StorageException {
        public AlreadyExists(String key) {
            super("key exists: " + key);
        }
    }

    /** The compare-and-swap failed: the key changed since {@code expectedModRevision}. */
    public static final class Conflict extends StorageException {
        private final KeyValue current;

        public Conflict(String key, KeyValue current) {
            super("key modified concurrently: " + key);
            this.current = current;
        }

        public KeyValue current() {
            return current;
        }
    }

    /** The requested revision has been compacted away (HTTP 410). */
    public static final class Gone extends StorageException {
        private final long compactedRevision;

        public Gone(long requested, long compactedRevision) {
            super("required revision " + requested + " has been compacted (oldest available "
                    + (compactedRevision + 1) + ")");
            this.compactedRevision = compactedRevision;
        }

        public long compactedRevision() {
            return compactedRevision;
        }
    }
}
