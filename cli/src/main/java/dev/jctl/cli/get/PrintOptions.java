package dev.jctl.cli.get;

import dev.jctl.cli.output.OutputFormat;
import java.util.List;

/**
 * How kubectl get prints what it read.
 *
 * @param namespace    the namespace listed (named in "No resources found in NS namespace.")
 * @param labelColumns the {@code -L} label keys
 * @param sortBy       the {@code --sort-by} JSONPath, or null
 * @param showKind     {@code --show-kind}: the kind before each name in tables, as when several kinds are printed
 */
public record PrintOptions(OutputFormat format, boolean noHeaders, boolean showLabels, List<String> labelColumns,
                           boolean allNamespaces, String namespace, String sortBy, boolean showKind) {
    public PrintOptions {
        labelColumns = List.copyOf(labelColumns);
    }

    /** kubectl's checks of flags that do not go together, in its words. */
    public void validate(boolean watching, boolean outputWatchEvents) {
        if (showLabels && !format.humanReadable()) {
            throw new IllegalArgumentException("--show-labels option cannot be used with " + outputFlag() + " printer");
        }
        checkWatchEvents(watching, outputWatchEvents);
    }

    /** The check of {@link #validate} that {@code --raw}, which prints no objects, runs too. */
    static void checkWatchEvents(boolean watching, boolean outputWatchEvents) {
        if (outputWatchEvents && !watching) {
            throw new IllegalArgumentException("--output-watch-events option can only be used with --watch or "
                    + "--watch-only");
        }
    }

    private String outputFlag() {
        String name = format.kind().name().toLowerCase().replace('_', '-');
        return format.argument() == null ? name : name + "=" + format.argument();
    }

    TablePrinter.Options table(boolean namespaceColumn, String kindPrefix) {
        return new TablePrinter.Options(format.kind() == OutputFormat.Kind.WIDE, namespaceColumn, showLabels,
                labelColumns, noHeaders, kindPrefix);
    }
}
