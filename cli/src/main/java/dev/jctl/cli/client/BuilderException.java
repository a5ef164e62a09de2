package dev.jctl.cli.client;

/**
 * An input object kubectl's resource builder refuses before any request is made for it, with kubectl's words. Where
 * the builder meets it decides where kubectl reports it among a command's other errors.
 */
public final class BuilderException extends IllegalArgumentException {
    /** The builder's step that refuses the object. */
    public enum Stage {
        /** Reading documents and mapping their kinds: collected per file, reported together after the others. */
        READ,
        /** Checking each object read (its namespace against {@code -n}): reported in visiting order. */
        VISIT
    }

    private final Stage stage;

    public BuilderException(Stage stage, String message) {
        super(message);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
