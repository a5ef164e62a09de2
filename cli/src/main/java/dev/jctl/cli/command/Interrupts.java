package dev.jctl.cli.command;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) handed to a command instead of ending the JVM, so that a long-running command (get -w) ends its
 * own way and exits as kubectl does (status 1), with its output flushed. The previous handler is restored on close.
 */
final class Interrupts implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    static Interrupts onInterrupt(Runnable action) {
        return new Interrupts(Signal.handle(INT, signal -> action.run()));
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
