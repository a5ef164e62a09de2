package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;

/**
 * A three-way patch would overwrite a change made on the server since the last apply (apimachinery's
 * {@code ErrConflict}). Only raised when overwriting is not allowed.
 */
public class ConflictException extends PatchException {
    public ConflictException(String message) {
        super(message);
    }
}
