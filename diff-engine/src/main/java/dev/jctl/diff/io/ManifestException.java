package dev.jctl.diff.io;

/**
 * A YAML or JSON input that cannot be read, or a document that is not a usable manifest. The message starts
 * with {@code source:line:column:} so that editors and CI logs can jump to the spot.
 */
public class ManifestException extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /** {@code line} and {@code column} are 1-based; 0 means unknown. */
    public ManifestException(String source, int line, int column, String reason) {
        this(source, line, column, reason, null);
    }

    public ManifestException(String source, int line, int column, String reason, Throwable cause) {
        super(location(source, line, column) + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String location(String source, int line, int column) {
        if (line <= 0) {
            return source;
        }
        return column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the error has no position. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when the error has no position. */
    public int column() {
        return column;
    }

    /** The message without the location prefix. */
    public String reason() {
        return reason;
    }
}
