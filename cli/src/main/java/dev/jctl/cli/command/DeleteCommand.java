package dev.jctl.cli.command;

import dev.jctl.cli.apply.ManifestSources;
import dev.jctl.cli.client.Aggregate;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.delete.Deleter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jctl delete -f FILE | TYPE NAME... | TYPE/NAME... | TYPE -l SEL [--cascade] [--grace-period] [--wait]}. */
@Command(name = "delete", description = "Delete resources by file names, by type and names, or by label selector.")
public final class DeleteCommand implements Callable<Integer> {
    /** kubectl's wait when --timeout is 0: a week, i.e. until the objects are gone. */
    private static final Duration UNBOUNDED = Duration.ofHours(168);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE [NAME...]", arity = "0..*",
            description = "The resource type and names, or TYPE/NAME.")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", description = "Files, directories or URLs to delete.")
    private List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    private boolean recursive;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Delete the objects matching it.")
    private String selector;

    @Option(names = "--all", description = "Delete all objects of the type in the namespace.")
    private boolean all;

    @Option(names = {"-A", "--all-namespaces"}, description = "With -l or --all, across all namespaces.")
    private boolean allNamespaces;

    @Option(names = "--cascade", paramLabel = "STRATEGY", defaultValue = "background", arity = "0..1",
            fallbackValue = "background", description = "background (default), foreground or orphan.")
    private String cascade;

    @Option(names = "--grace-period", paramLabel = "SECONDS", defaultValue = "-1",
            description = "Seconds given to the object to terminate gracefully; -1 for its own default.")
    private int gracePeriod;

    @Option(names = "--wait", arity = "0..1", defaultValue = "true", fallbackValue = "true",
            description = "Wait until the objects are gone (default: true).")
    private boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to wait, e.g. 30s or 5m; 0 waits until done.")
    private String timeout;

    @Option(names = "--ignore-not-found", description = "Treat objects that do not exist as deleted.")
    private boolean ignoreNotFound;

    @Override
    public Integer call() {
        Deleter.Options options;
        try {
            Duration waitFor = Durations.parse(timeout);
            options = new Deleter.Options(Deleter.Cascade.parse(cascade), gracePeriod, ignoreNotFound || all
                    || selector != null, await ? (waitFor.isZero() ? UNBOUNDED : waitFor) : null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (filenames.isEmpty() == arguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(), filenames.isEmpty()
                    ? "You must provide one or more resources by argument or filename."
                    : "cannot specify both resource names and -f");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ManifestSources.Reading input = filenames.isEmpty() ? null
                : new ManifestSources(System.in).readAll(filenames, recursive, false);
        Failures failures = new Failures();
        if (input != null && !input.errors().isEmpty()) {
            // kubectl deletes the objects around a file it cannot read; jctl deletes none.
            failures.add(Aggregate.continuedPast(List.of(), input.errors()));
            return failures.print(err);
        }
        List<RuntimeException> errors = new ArrayList<>();
        List<RuntimeException> unmapped = List.of();
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            Deleter deleter = new Deleter(connection, new Discovery(connection));
            List<Deleter.Target> targets;
            if (input != null) {
                Deleter.Planned planned = deleter.targetsOf(input.manifests());
                targets = planned.targets();
                unmapped = planned.unmapped();
            } else {
                targets = targets(deleter);
            }
            deleter.delete(targets, unmapped.isEmpty() ? options : options.withoutWaiting(), result -> {
                if (result.failed()) {
                    errors.add(result.error());
                } else {
                    out.println(result.target().describe() + " deleted");
                    out.flush();
                }
            });
            if (targets.isEmpty() && unmapped.isEmpty()) {
                out.println("No resources found");
                out.flush();
            }
        } catch (ApiException e) {
            failures.add(e);
            return failures.print(err);
        }
        failures.add(Aggregate.continuedPast(errors, unmapped));
        return failures.print(err);
    }

    private List<Deleter.Target> targets(Deleter deleter) {
        String first = arguments.get(0);
        if (first.contains("/")) {
            List<Deleter.Target> targets = new ArrayList<>();
            for (String argument : arguments) {
                int slash = argument.indexOf('/');
                if (slash < 0) {
                    throw new ParameterException(spec.commandLine(), "there is no need to specify a resource type "
                            + "as a separate argument when passing arguments in resource/name form");
                }
                targets.addAll(deleter.targetsNamed(argument.substring(0, slash),
                        List.of(argument.substring(slash + 1))));
            }
            return targets;
        }
        if (selector != null || all) {
            if (arguments.size() > 1) {
                throw new ParameterException(spec.commandLine(), "name cannot be provided when a selector is specified");
            }
            return deleter.targetsSelected(first, selector, allNamespaces);
        }
        if (arguments.size() == 1) {
            throw new ParameterException(spec.commandLine(), "resource(s) were provided, but no name was specified");
        }
        return deleter.targetsNamed(first, arguments.subList(1, arguments.size()));
    }
}
