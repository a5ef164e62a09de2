package dev.jctl.cli.apply.health;

import java.io.PrintWriter;

/** For logs (CI, a pipe): one line each time an awaited object's state changes, nothing rewritten. */
public final class PlainProgress implements Waiter.Progress {
    private final PrintWriter out;

    public PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void changed(Waiter.Target target, Health health) {
        if (!health.tracked()) {
            return;
        }
        String state = switch (health.state()) {
            case READY -> "ready: ";
            case IN_PROGRESS -> "waiting: ";
            case FAILED -> "failed: ";
        };
        out.println(target.displayName() + " " + state + health.message());
        out.flush();
    }

    @Override
    public void finished() {
    }
}
