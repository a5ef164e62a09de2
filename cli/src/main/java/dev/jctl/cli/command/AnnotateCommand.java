package dev.jctl.cli.command;

import dev.jctl.cli.edit.MetadataEditor;
import picocli.CommandLine.Command;

/** {@code jctl annotate [--overwrite] (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) KEY=VAL ... KEY-}. */
@Command(name = "annotate", description = {"Update the annotations on one or more resources.",
        "Existing annotations get a new value only with --overwrite."})
public final class AnnotateCommand extends MetadataCommand {
    @Override
    MetadataEditor.Field field() {
        return MetadataEditor.Field.ANNOTATIONS;
    }
}
