package dev.jctl.cli.command;

import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.get.GetWatcher;
import dev.jctl.cli.get.Getter;
import dev.jctl.cli.get.PrintOptions;
import dev.jctl.cli.get.RawGet;
import dev.jctl.cli.get.ResultPrinter;
import dev.jctl.cli.select.ObjectFinder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jctl get TYPE[,TYPE...] [NAME...] | TYPE/NAME... [-o FORMAT] [-l SEL] [--field-selector SEL] [-A]
 * [-w|--watch-only] [--output-watch-events] [--sort-by PATH] [-L KEY] [--show-labels] [--show-kind] [--no-headers]
 * [--ignore-not-found] [--chunk-size N]}, or {@code jctl get --raw URI}.
 */
@Command(name = "get", description = "Display one or many resources, with the server's columns, like kubectl get.")
public final class GetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE [NAME...]", arity = "0..*",
            description = "Types (plural, singular, short name, kind or category such as all, comma-separated) and "
                    + "names, or TYPE/NAME...")
    private List<String> arguments = new ArrayList<>();

    @Mixin
    private OutputOptions outputOptions;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web.")
    private String selector;

    @Option(names = "--field-selector", paramLabel = "SELECTOR",
            description = "Field selector, e.g. status.phase=Running (=, == and !=; the server supports a few fields "
                    + "per type).")
    private String fieldSelector;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces.")
    private boolean allNamespaces;

    @Option(names = "--show-labels", description = "Show all labels as the last column.")
    private boolean showLabels;

    @Option(names = {"-L", "--label-columns"}, paramLabel = "KEY", split = ",",
            description = "Labels to show as columns, comma-separated or repeated.")
    private List<String> labelColumns = new ArrayList<>();

    @Option(names = "--show-kind", description = "Show the resource type before each name.")
    private boolean showKind;

    @Option(names = "--no-headers", description = "Do not print the column headers.")
    private boolean noHeaders;

    @Option(names = "--sort-by", paramLabel = "JSONPATH", description = "Sort by this field, e.g. .metadata.name.")
    private String sortBy;

    @Option(names = {"-w", "--watch"}, description = "After listing or getting, watch for changes.")
    private boolean watch;

    @Option(names = "--watch-only", description = "Watch for changes, without listing or getting first.")
    private boolean watchOnly;

    @Option(names = "--output-watch-events", description = "Print watch events with their type (ADDED, MODIFIED...).")
    private boolean outputWatchEvents;

    @Option(names = "--ignore-not-found", description = "Objects that do not exist are no error (exit 0).")
    private boolean ignoreNotFound;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "500",
            description = "List large collections in chunks of N (0 for one request).")
    private long chunkSize;

    @Option(names = "--raw", paramLabel = "URI",
            description = "Print the server's answer to a GET of this URI as it is (e.g. /api/v1/namespaces).")
    private String raw;

    @Option(names = "--request-timeout", paramLabel = "DURATION", defaultValue = "0",
            description = "How long to wait for the server (1s, 2m, 3h; 0: no limit); ends a watch.")
    private String requestTimeout;

    @Override
    public Integer call() {
        Duration timeout = requestTimeout.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(requestTimeout))
                : Durations.parse(requestTimeout);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            boolean watching = watch || watchOnly;
            if (raw != null && !raw.isEmpty()) {
                return RawGet.of(raw, arguments, watching, selector, outputOptions.output, outputWatchEvents)
                        .print(connection, out, err);
            }
            if (arguments.isEmpty() && !watching) {
                // kubectl's hint, then its usage error; a watch without arguments fails later, in its builder
                err.println("You must specify the type of resource to get. Use \"jctl get --help\" for the resource "
                        + "types jctl accepts.\n");
                throw new IllegalArgumentException("Required resource not specified.\n"
                        + "See 'jctl get -h' for help and examples");
            }
            PrintOptions options = new PrintOptions(outputOptions.forGet(), noHeaders, showLabels, labelColumns,
                    allNamespaces, connection.namespace(), sortBy, showKind);
            options.validate(watching, outputWatchEvents);
            if (arguments.isEmpty()) {
                throw new IllegalArgumentException(ObjectFinder.NO_RESOURCES);
            }
            Getter.Query query = Getter.Query.of(arguments, selector, fieldSelector, options, chunkSize,
                    ignoreNotFound);
            Getter getter = new Getter(connection, new Discovery(connection));
            if (watching) {
                GetWatcher watcher = new GetWatcher(getter, options, out, err);
                try (Interrupts interrupts = Interrupts.onInterrupt(watcher::stop)) {
                    return watcher.run(query, watchOnly, outputWatchEvents, timeout);
                }
            }
            return new ResultPrinter(options).print(query, getter.get(query), out, err);
        } catch (ApiException e) {
            err.println(e.kubectlMessage());
            err.flush();
            return 1;
        }
    }
}
