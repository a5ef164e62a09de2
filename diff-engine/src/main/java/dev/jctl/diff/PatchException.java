package dev.jctl.diff;

/** A patch that cannot be created or applied; the message says why, in the words kubectl users know. */
public class PatchException extends RuntimeException {
    public PatchException(String message) {
        super(message);
    }

    public PatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
