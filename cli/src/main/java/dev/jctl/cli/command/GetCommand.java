package dev.jctl.cli.command;

import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.get.GetWatcher;
import dev.jctl.cli.get.Getter;
import dev.jctl.cli.get.PrintOptions;
import dev.jctl.cli.get.ResourceArguments;
import dev.jctl.cli.get.ResultPrinter;
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
 * {@code jctl get TYPE[,TYPE...] [NAME...] | TYPE/NAME... [-o FORMAT] [-l SEL] [-A] [-w|--watch-only]
 * [--output-watch-events] [--sort-by PATH] [-L KEY] [--show-labels] [--no-headers]}.
 */
@Command(name = "get", description = "Display one or many resources, with the server's columns, like kubectl get.")
public final class GetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE [NAME...]", arity = "1..*",
            description = "Types (plural, singular, short name, kind or category such as all, comma-separated) and "
                    + "names, or TYPE/NAME...")
    private List<String> arguments = new ArrayList<>();

    @Mixin
    private OutputOptions outputOptions;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web.")
    private String selector;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces.")
    private boolean allNamespaces;

    @Option(names = "--show-labels", description = "Show all labels as the last column.")
    private boolean showLabels;

    @Option(names = {"-L", "--label-columns"}, paramLabel = "KEY", split = ",",
            description = "Labels to show as columns, comma-separated or repeated.")
    private List<String> labelColumns = new ArrayList<>();

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
            PrintOptions options = new PrintOptions(outputOptions.forGet(), noHeaders, showLabels, labelColumns,
                    allNamespaces, connection.namespace(), sortBy);
            options.validate(watch || watchOnly, outputWatchEvents);
            Getter getter = new Getter(connection, new Discovery(connection));
            Getter.Query query = new Getter.Query(ResourceArguments.parse(arguments), selector, allNamespaces,
                    options.format().humanReadable(), sortBy != null);
            if (watch || watchOnly) {
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
