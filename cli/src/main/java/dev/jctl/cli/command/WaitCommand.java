package dev.jctl.cli.command;

import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.output.ObjectPrinter;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.cli.select.Selection;
import dev.jctl.cli.wait.ConditionWaiter;
import dev.jctl.cli.wait.WaitFor;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
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
 * {@code jctl wait (-f FILE | TYPE/NAME | TYPE NAME | TYPE -l SEL | TYPE --all) --for=create|delete|
 * condition=NAME[=VALUE]|jsonpath=EXPR[=VALUE] [--timeout=30s]}.
 */
@Command(name = "wait", description = {"Wait for a specific condition on one or many resources.",
        "Prints '<kind>/<name> condition met' for each object as it meets the condition; exit code 1 when one "
                + "does not within the timeout."})
public final class WaitCommand implements Callable<Integer> {
    /** kubectl's stand-in for "no limit" when --timeout is negative. */
    private static final Duration A_WEEK = Duration.ofHours(168);
    private static final Duration RETRY = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE NAME | TYPE/NAME", arity = "0..*", description = "The objects to wait for.")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", description = "Files, directories or URLs naming the objects.")
    private List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    private boolean recursive;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Wait for the objects matching it.")
    private String selector;

    @Option(names = "--all", description = "Wait for all objects of the types in the namespace.")
    private boolean all;

    @Option(names = {"-A", "--all-namespaces"}, description = "With -l or --all, across all namespaces.")
    private boolean allNamespaces;

    @Option(names = "--for", paramLabel = "CONDITION", description = "create, delete, condition=NAME[=VALUE] "
            + "(VALUE true by default, compared ignoring case) or jsonpath='{EXPRESSION}'[=VALUE].")
    private String waitFor;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "How long to wait "
            + "(default 30s); 0 checks once, a negative value waits a week.")
    private String timeout;

    @Mixin
    private OutputOptions outputOptions;

    @Override
    public Integer call() {
        ObjectPrinter printer = outputOptions.printer();
        WaitFor condition = WaitFor.parse(waitFor);
        Duration limit = timeout();
        Selection selection = new Selection(arguments, filenames, recursive, selector, all, allNamespaces);
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            ObjectFinder finder = new ObjectFinder(connection, new Discovery(connection), System.in);
            ConditionWaiter waiter = new ConditionWaiter(connection, RETRY);
            List<ObjectFinder.Item> items = finder.find(selection).items();
            // The clock starts once the objects are known (a JVM starts slower than kubectl, whose clock starts
            // before it reads them): the timeout is then the time given to the objects themselves.
            Instant deadline = Instant.now().plus(limit);
            if (condition instanceof WaitFor.Create) {
                List<ObjectFinder.Item> missing = items.stream()
                        .filter(item -> item.error() != null && item.error().isNotFound()).toList();
                if (!missing.isEmpty()) {
                    if (!waiter.awaitCreated(missing, deadline)) {
                        throw new IllegalStateException("timed out waiting for the condition");
                    }
                    items = finder.find(selection).items();
                }
            }
            Failures failures = new Failures();
            int visited = 0;
            for (ObjectFinder.Item item : items) {
                if (item.error() != null) {
                    // kubectl's wait for deletion ignores objects that are already gone.
                    if (!(condition instanceof WaitFor.Delete && item.error().isNotFound())) {
                        failures.add(item.error());
                    }
                    continue;
                }
                visited++;
                ConditionWaiter.Outcome outcome;
                if (condition instanceof WaitFor.ObjectCheck check) {
                    outcome = waiter.await(item, check, limit, deadline);
                } else if (condition instanceof WaitFor.Delete) {
                    outcome = waiter.awaitDeleted(item, limit, deadline);
                } else {
                    outcome = new ConditionWaiter.Outcome(item.object(), null);
                }
                if (outcome.met()) {
                    printer.print(out, outcome.object(), "condition met");
                } else {
                    failures.add(outcome.error());
                }
            }
            if (failures.isEmpty() && visited == 0 && !(condition instanceof WaitFor.Delete)) {
                throw new IllegalStateException("no matching resources found");
            }
            return failures.print(spec.commandLine().getErr());
        }
    }

    /** Go's duration syntax, with kubectl's message for a bad one; negative means a week. */
    private Duration timeout() {
        boolean negative = timeout.startsWith("-");
        try {
            Duration parsed = Durations.parse(negative ? timeout.substring(1) : timeout);
            return negative && !parsed.isZero() ? A_WEEK : parsed;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid argument \"" + timeout + "\" for \"--timeout\" flag: time: "
                    + "invalid duration \"" + timeout + "\"");
        }
    }
}
