package dev.jctl.diff.ssa;

/** An object that cannot be described as field paths under its schema, e.g. a list item missing its key. */
public final class FieldSetException extends IllegalArgumentException {
    public FieldSetException(String message) {
        super(message);
    }
}
