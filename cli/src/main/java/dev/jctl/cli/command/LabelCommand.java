package dev.jctl.cli.command;

import dev.jctl.cli.edit.MetadataEditor;
import picocli.CommandLine.Command;

/** {@code jctl label [--overwrite] (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) KEY=VAL ... KEY-}. */
@Command(name = "label", description = {"Update the labels on a resource.",
        "A label value must be empty or begin and end with a letter or digit, with letters, digits, '-', '_' and '.' "
                + "between, up to 63 characters. Existing labels get a new value only with --overwrite."})
public final class LabelCommand extends MetadataCommand {
    @Override
    MetadataEditor.Field field() {
        return MetadataEditor.Field.LABELS;
    }
}
