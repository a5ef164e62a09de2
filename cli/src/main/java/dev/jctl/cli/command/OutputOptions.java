package dev.jctl.cli.command;

import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.cli.output.OutputFormat;
import picocli.CommandLine.Option;

/** kubectl's print flags, shared by the commands that print objects: {@code -o}, {@code --template} and its keys. */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "One of json, yaml, name, "
            + "go-template=TEMPLATE, go-template-file=FILE, jsonpath=TEMPLATE or jsonpath-file=FILE (get also: wide, "
            + "custom-columns=SPEC, custom-columns-file=FILE).")
    String output;

    @Option(names = "--template", paramLabel = "TEMPLATE", description = "The template (or its file) of -o "
            + "go-template, go-template-file, jsonpath or jsonpath-file; given alone, a go-template.")
    String template;

    @Option(names = "--allow-missing-template-keys", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Print <no value> for a missing map key in a go-template rather than fail (default: true).")
    boolean allowMissingTemplateKeys;

    /** get's printers. */
    OutputFormat forGet() {
        return OutputFormat.forGet(output, template, allowMissingTemplateKeys);
    }

    /** The printer of apply, label, annotate, patch and wait. */
    ObjectPrinter printer() {
        return ObjectPrinter.of(OutputFormat.forObjects(output, template, allowMissingTemplateKeys));
    }

    /**
     * Whether the command prints each object as it goes (kubectl's operation lines, {@code -o name}, or a bare
     * {@code --template}) rather than everything at the end.
     */
    boolean printsEachObject() {
        return output == null || output.equals("name");
    }
}
