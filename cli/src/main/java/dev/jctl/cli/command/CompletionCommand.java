package dev.jctl.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code jctl completion bash|zsh}: picocli's generated script, which serves zsh too through bashcompinit (the
 * script turns it on itself when sourced by zsh).
 */
@Command(name = "completion", description = {
        "Output shell completion code for bash or zsh.",
        "  bash: source <(jctl completion bash)",
        "  zsh:  source <(jctl completion zsh)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    private String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new ParameterException(spec.commandLine(), "Unsupported shell type \"" + shell + "\".");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return 0;
    }
}
