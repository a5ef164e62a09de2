package dev.jctl.runtime.apiserver;

import java.util.ArrayList;
import java.util.List;

/** Cleanup registered on a stream that runs exactly once, whichever side closes it and however often. */
final class CloseActions {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean closed;

    synchronized boolean isClosed() {
        return closed;
    }

    /** Registers {@code action}, or runs it at once when the stream is already closed. */
    void add(Runnable action) {
        synchronized (this) {
            if (!closed) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    void close() {
        List<Runnable> toRun;
        synchronized (this) {
            closed = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }
}
