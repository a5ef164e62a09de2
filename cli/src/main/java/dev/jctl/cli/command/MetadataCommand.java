package dev.jctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.edit.MetadataEditor;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.cli.select.Selection;
import dev.jctl.diff.io.GoStrings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * What {@code jctl label} and {@code jctl annotate} share, as kubectl's two commands do: the same flags, the same
 * checks and the same visit of the objects; only the metadata map and kubectl's words differ.
 */
abstract class MetadataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE NAME | TYPE/NAME ... KEY=VAL ... KEY-", arity = "0..*",
            description = "The objects, then the keys to set (KEY=VAL) or remove (KEY-).")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", description = "Files, directories or URLs naming the objects.")
    List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    boolean recursive;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Edit the objects matching it, e.g. app=web.")
    String selector;

    @Option(names = "--all", description = "Edit all objects of the types in the namespace.")
    boolean all;

    @Option(names = {"-A", "--all-namespaces"}, description = "With -l or --all, across all namespaces.")
    boolean allNamespaces;

    @Option(names = "--overwrite", description = "Allow existing keys to get a new value; otherwise that is refused.")
    boolean overwrite;

    @Option(names = "--resource-version", paramLabel = "RV",
            description = "Edit only if the object's resourceVersion is still RV (one object only).")
    String resourceVersion;

    @Option(names = "--list", description = "Print the object's keys and values instead of sending a change.")
    boolean list;

    @Option(names = "--local", description = "Edit the objects of -f locally and print them; no cluster is contacted.")
    boolean local;

    @Option(names = "--dry-run", paramLabel = "STRATEGY", arity = "0..1", fallbackValue = "client",
            description = "none, client (send nothing) or server (let the server check, persist nothing).")
    String dryRun;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--field-manager", paramLabel = "NAME", description = "The name of the manager of the change.")
    String fieldManager;

    abstract MetadataEditor.Field field();

    @Override
    public Integer call() {
        MetadataEditor.Field field = field();
        DryRun strategy = DryRun.parse(dryRun);
        ObjectPrinter printer = outputOptions.printer();
        MetadataEditor.Arguments split = MetadataEditor.Arguments.split(arguments, field);
        MetadataEditor.Changes changes = MetadataEditor.Changes.parse(field, split.pairs());
        validate(split, changes, strategy);
        Selection selection = new Selection(split.resources(), filenames, recursive, selector, all, allNamespaces);
        MetadataEditor editor = new MetadataEditor(field);
        if (local) {
            return visit(ObjectFinder.local(selection, System.in), null, editor, changes, strategy, printer);
        }
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            ObjectFinder.Found found = new ObjectFinder(connection, new Discovery(connection), System.in)
                    .find(selection);
            if (!found.singleItemImplied() && resourceVersion != null && !resourceVersion.isEmpty()) {
                throw new IllegalArgumentException("--resource-version may only be used with a single resource");
            }
            return visit(found, connection, editor, changes, strategy, printer);
        }
    }

    /** kubectl's Complete and Validate checks, in its order; each is an error with exit code 1, as there. */
    private void validate(MetadataEditor.Arguments split, MetadataEditor.Changes changes, DryRun strategy) {
        String noun = field().noun();
        if (list && outputOptions.output != null) {
            throw new IllegalArgumentException("--list and --output may not be specified together");
        }
        if (all && selector != null && !selector.isEmpty()) {
            throw new IllegalArgumentException("cannot set --all and --selector at the same time");
        }
        String example = field() == MetadataEditor.Field.LABELS ? "pod.yaml or --filename=pod.json"
                : "rsrc.yaml or --filename=rsrc.json";
        if (local) {
            if (strategy == DryRun.SERVER) {
                throw new IllegalArgumentException("cannot specify --local and --dry-run=server - did you mean "
                        + "--dry-run=client?");
            }
            if (!split.resources().isEmpty()) {
                throw new IllegalArgumentException("can only use local files by -f " + example
                        + " when --local=true is set");
            }
            if (filenames.isEmpty()) {
                throw new IllegalArgumentException("one or more files must be specified as -f " + example);
            }
        } else if (split.resources().isEmpty() && filenames.isEmpty()) {
            throw new IllegalArgumentException("one or more resources must be specified as <resource> <name> or "
                    + "<resource>/<name>");
        }
        if (changes.isEmpty() && !list) {
            throw new IllegalArgumentException("at least one " + noun + " update is required");
        }
    }

    /** Edits each object in turn, going on past failures, which are reported at the end as kubectl does. */
    private int visit(ObjectFinder.Found found, Connection connection, MetadataEditor editor,
                      MetadataEditor.Changes changes, DryRun strategy, ObjectPrinter printer) {
        PrintWriter out = spec.commandLine().getOut();
        Failures failures = new Failures();
        boolean sends = connection != null && strategy != DryRun.CLIENT && !list;
        for (ObjectFinder.Item item : found.items()) {
            if (item.error() != null) {
                failures.add(item.error());
                continue;
            }
            try {
                MetadataEditor.Edit edit = editor.edit(item.object(), changes, overwrite, resourceVersion);
                JsonNode result = edit.after();
                if (sends) {
                    if (field() == MetadataEditor.Field.LABELS) {
                        edit.absent().forEach(key -> out.println("label " + GoStrings.quote(key) + " not found."));
                    }
                    JsonNode answer = editor.send(connection, item, edit, strategy,
                            fieldManager != null ? fieldManager : field().fieldManager());
                    // kubectl label prints the object it edited, kubectl annotate the server's answer.
                    result = field() == MetadataEditor.Field.ANNOTATIONS ? answer : edit.after();
                }
                if (list) {
                    printList(out, result, found.singleItemImplied());
                } else {
                    printer.print(out, result, edit.operation() + strategy.suffix());
                }
            } catch (MetadataEditor.OverwriteException e) {
                e.messages().forEach(failures::add);
            } catch (ApiException e) {
                failures.add(e);
            }
            out.flush();
        }
        return failures.print(spec.commandLine().getErr());
    }

    /**
     * {@code --list}: {@code key=value} lines, under a {@code Listing labels for Kind.group/name:} heading and
     * indented when several objects may be listed. kubectl walks a Go map (no fixed order); sorted here.
     */
    private void printList(PrintWriter out, JsonNode object, boolean single) {
        String indent = "";
        if (!single) {
            indent = " ";
            String apiVersion = object.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            out.println("Listing " + field().noun() + "s for " + object.path("kind").asText() + "." + group + "/"
                    + object.path("metadata").path("name").asText() + ":");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(field().of(object)).entrySet()) {
            out.println(indent + e.getKey() + "=" + e.getValue());
        }
    }
}
