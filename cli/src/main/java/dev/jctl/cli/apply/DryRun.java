package dev.jctl.cli.apply;

import java.util.Locale;

/** {@code --dry-run}: none, client (nothing sent that writes) or server ({@code dryRun=All} on every write). */
public enum DryRun {
    NONE(""), CLIENT(" (dry run)"), SERVER(" (server dry run)");

    private final String suffix;

    DryRun(String suffix) {
        this.suffix = suffix;
    }

    /** What kubectl appends to the operation in its output line. */
    public String suffix() {
        return suffix;
    }

    /** kubectl's flag values; {@code none} and an absent flag both mean a real apply. */
    public static DryRun parse(String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none", "false" -> NONE;
            case "client", "true" -> CLIENT;
            case "server" -> SERVER;
            default -> throw new IllegalArgumentException("Invalid dry-run value (" + value
                    + "). Must be \"none\", \"server\", or \"client\".");
        };
    }
}
