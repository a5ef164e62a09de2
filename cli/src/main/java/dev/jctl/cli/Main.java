package dev.jctl.cli;

import dev.jctl.cli.client.ServerUnreachable;
import dev.jctl.cli.command.AnnotateCommand;
import dev.jctl.cli.command.ApplyCommand;
import dev.jctl.cli.command.CompletionCommand;
import dev.jctl.cli.command.DeleteCommand;
import dev.jctl.cli.command.DescribeCommand;
import dev.jctl.cli.command.DiffCommand;
import dev.jctl.cli.command.GetCommand;
import dev.jctl.cli.command.GlobalOptions;
import dev.jctl.cli.command.LabelCommand;
import dev.jctl.cli.command.PatchCommand;
import dev.jctl.cli.command.ScaleCommand;
import dev.jctl.cli.command.VersionCommand;
import dev.jctl.cli.command.WaitCommand;
import dev.jctl.cli.command.cluster.ClusterCommand;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code jctl} command line. Exit codes: 0 success, 1 the operation failed ({@code error: <message>} on
 * stderr, as kubectl prints it), 2 the command line itself is wrong (the message and where to find help).
 *
 * <p>Start-up matters ({@code jctl version} runs in well under a second): picocli loads every command class
 * listed here to read its annotations, so command classes must not mention heavy libraries (fabric8, Vert.x) in
 * fields or signatures; they reach them through engines created inside {@code call()}.
 */
@Command(name = "jctl",
        description = "Declarative Kubernetes toolchain: apply, charts, GitOps and a companion cluster runtime.")
public final class Main implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(VersionCommand.class, CompletionCommand.class,
            PatchCommand.class, ApplyCommand.class, DiffCommand.class, DeleteCommand.class, GetCommand.class,
            ScaleCommand.class, ClusterCommand.class, DescribeCommand.class, LabelCommand.class,
            AnnotateCommand.class, WaitCommand.class);

    @Mixin(name = "global")
    private GlobalOptions global;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** A fully configured command line; tests call {@code execute} on it with their own out and err writers. */
    public static CommandLine commandLine() {
        return configured(COMMANDS);
    }

    /**
     * The command line for running {@code args}: when they start with a command's name, a root holding only that
     * command, since picocli reflects over every command it is given and only one runs (a tenth of a short
     * command's start-up); anything else (help, options first, a typo to suggest for) gets the full one, and so
     * does {@code completion}, whose script covers every command.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command == CompletionCommand.class) {
                    continue;
                }
                Command annotation = command.getAnnotation(Command.class);
                if (annotation.name().equals(args[0]) || List.of(annotation.aliases()).contains(args[0])) {
                    return configured(List.of(command));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configured(List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new Main());
        // before the handlers below, which picocli copies to the subcommands present when they are set
        commands.forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            // kubectl prints a connection failure as its own line, without "error: " before it.
            err.println(e instanceof ServerUnreachable ? e.getMessage() : "error: " + message(e));
            if (GlobalOptions.of(commandLine.getCommandSpec()).verbosity() >= 6) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine commandLine = e.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println("error: " + usageMessage(e));
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return EXIT_USAGE;
        });
        return cli;
    }

    /** Without a command, kubectl prints its help and succeeds; so does jctl. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** kubectl's words for a mistyped command; picocli's own message otherwise. */
    private static String usageMessage(ParameterException e) {
        CommandLine commandLine = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !commandLine.getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
            return "unknown command \"" + unmatched.getUnmatched().get(0) + "\" for \""
                    + commandLine.getCommandSpec().qualifiedName() + "\"";
        }
        return e.getMessage();
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
