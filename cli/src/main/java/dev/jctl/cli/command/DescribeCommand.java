package dev.jctl.cli.command;

import dev.jctl.cli.apply.ManifestSources;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.describe.DescribeContext;
import dev.jctl.cli.describe.Describer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jctl describe (-f FILE | TYPE [NAME_PREFIX | -l SEL] | TYPE/NAME) [-A] [--show-events] [--chunk-size]}. */
@Command(name = "describe", description = "Show details of a resource or group of resources, as kubectl describe does.")
public final class DescribeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE [NAME_PREFIX...]", arity = "0..*",
            description = "The resource type and names (or a name prefix), or TYPE/NAME.")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", description = "Files, directories or URLs naming "
            + "the objects to describe; - for stdin.")
    private List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    private boolean recursive;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web.")
    private String selector;

    @Option(names = {"-A", "--all-namespaces"}, description = "Describe across all namespaces.")
    private boolean allNamespaces;

    @Option(names = "--show-events", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            paramLabel = "BOOL", description = "Show the events about each object (default true).")
    private boolean showEvents;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "500",
            description = "List large collections in chunks of N (0 for one request).")
    private long chunkSize;

    @Override
    public Integer call() {
        if (arguments.isEmpty() && filenames.isEmpty()) {
            throw new IllegalArgumentException("You must specify the type of resource to describe. Use \"jctl get "
                    + "--help\" for the resource types jctl accepts.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Describer.Result result;
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            Describer.Request request = new Describer.Request(arguments,
                    filenames.isEmpty() ? List.of() : new ManifestSources(System.in).read(filenames, recursive),
                    selector, allNamespaces);
            result = new Describer(connection, new Discovery(connection),
                    new DescribeContext(connection, showEvents, chunkSize)).describe(request);
        } catch (ApiException e) {
            err.println(e.kubectlMessage());
            err.flush();
            return 1;
        }
        out.print(result.output());
        out.flush();
        if (result.notice() != null) {
            err.println(result.notice());
        }
        result.errors().forEach(err::println);
        err.flush();
        return result.errors().isEmpty() ? 0 : 1;
    }
}
