package dev.jctl.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every jctl command accepts, before or after the command name, like kubectl's global flags. Declared
 * once on the root command and inherited by every subcommand; picocli stores the values here whichever command
 * they were given to, so commands read them with {@link #of(CommandSpec)}.
 */
public final class GlobalOptions {
    static final String MIXIN_NAME = "global";

    @Option(names = "--kubeconfig", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Path to the kubeconfig file to use for CLI requests.")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The name of the kubeconfig context to use.")
    private String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", scope = ScopeType.INHERIT,
            description = "If present, the namespace scope for this CLI request.")
    private String namespace;

    @Option(names = {"-v", "--v"}, paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Number for the log level verbosity (e.g. -v=8).")
    private int verbosity;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "Never colour the output (colour is only used on a terminal and when NO_COLOR is unset).")
    private boolean noColor;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show help for this command and exit.")
    private boolean help;

    /** The global options of the command line {@code spec} belongs to. */
    public static GlobalOptions of(CommandSpec spec) {
        return (GlobalOptions) spec.root().mixins().get(MIXIN_NAME).userObject();
    }

    /** Null when not given: the kubeconfig loader then follows KUBECONFIG and ~/.kube/config. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    public String context() {
        return context;
    }

    public String namespace() {
        return namespace;
    }

    public int verbosity() {
        return verbosity;
    }

    /** Colour only for a person at a terminal who has not opted out (--no-color, or NO_COLOR per no-color.org). */
    public boolean colour() {
        String noColorVariable = System.getenv("NO_COLOR");
        return !noColor && System.console() != null && (noColorVariable == null || noColorVariable.isEmpty());
    }
}
