package dev.jctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "jctl", mixinStandardHelpOptions = true, description = "Declarative Kubernetes toolchain")
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
