package dev.jctl.cli.testing;

/** What a command printed and how it exited. */
public record CommandRun(int exit, String out, String err) {
    public String describe() {
        return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
