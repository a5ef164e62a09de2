package dev.jctl.cli.command;

import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.edit.Scaler;
import java.io.PrintWriter;
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

/** {@code jctl scale TYPE NAME... | TYPE/NAME... --replicas=N [--current-replicas=M] [--resource-version=RV]}. */
@Command(name = "scale", description = "Set a new size for a deployment, replica set, stateful set or any scalable resource.")
public final class ScaleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE NAME | TYPE/NAME", arity = "1..*", description = "The objects to scale.")
    private List<String> arguments = new ArrayList<>();

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "-1", description = "The new number of replicas.")
    private int replicas;

    @Option(names = "--current-replicas", paramLabel = "M", defaultValue = "-1",
            description = "Scale only if the current number of replicas is M.")
    private int currentReplicas;

    @Option(names = "--resource-version", paramLabel = "RV",
            description = "Scale only if the object's resourceVersion is RV.")
    private String resourceVersion;

    @Override
    public Integer call() {
        if (replicas < 0) {
            // kubectl's Validate: a usage mistake, yet reported as an error with exit code 1.
            throw new IllegalArgumentException(
                    "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
        }
        List<String[]> targets = TypeNames.parse(spec, arguments);
        if (resourceVersion != null && !resourceVersion.isEmpty() && targets.size() > 1) {
            throw new IllegalArgumentException("cannot use --resource-version with multiple resources");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            Scaler scaler = new Scaler(connection, new Discovery(connection));
            Scaler.Preconditions preconditions = new Scaler.Preconditions(currentReplicas, resourceVersion);
            List<ApiException> missing = new ArrayList<>();
            for (Scaler.Target target : found(scaler, targets, missing)) {
                out.println(scaler.scale(target, replicas, preconditions));
                out.flush();
            }
            // kubectl scales what exists, then reports what did not.
            missing.forEach(e -> err.println(e.kubectlMessage()));
            err.flush();
            return missing.isEmpty() ? 0 : 1;
        } catch (ApiException e) {
            err.println(e.kubectlMessage());
            err.flush();
            return 1;
        }
    }

    /**
     * The objects that exist, the errors of the others added to {@code missing}. When none exists kubectl fails
     * before scaling anything, naming the errors as its aggregate does ({@code [a, b]} for several).
     */
    private static List<Scaler.Target> found(Scaler scaler, List<String[]> targets, List<ApiException> missing) {
        List<Scaler.Target> found = new ArrayList<>();
        for (String[] target : targets) {
            try {
                found.add(scaler.find(target[0], target[1]));
            } catch (ApiException e) {
                missing.add(e);
            }
        }
        if (found.isEmpty()) {
            List<String> messages = missing.stream().map(ApiException::getMessage).toList();
            throw new IllegalArgumentException("no objects passed to scale "
                    + (messages.size() == 1 ? messages.get(0) : "[" + String.join(", ", messages) + "]"));
        }
        return found;
    }
}
