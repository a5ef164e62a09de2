package dev.jctl.cli.command;

import dev.jctl.cli.client.ApiException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of a command that goes on past a failed object (kubectl's ContinueOnError), printed at the end as
 * kubectl's checkErr prints its aggregate: one error in its standard form ({@code error: ...} or
 * {@code Error from server (Reason): ...}), several one per line, those not from the server without a prefix.
 */
final class Failures {
    private final List<RuntimeException> errors = new ArrayList<>();

    void add(RuntimeException error) {
        errors.add(error);
    }

    void add(String message) {
        errors.add(new IllegalStateException(message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Prints them and returns the exit code: 0 without errors, else 1. */
    int print(PrintWriter err) {
        if (errors.size() == 1) {
            RuntimeException only = errors.get(0);
            err.println(only instanceof ApiException api ? api.kubectlMessage() : "error: " + only.getMessage());
        } else {
            for (RuntimeException e : errors) {
                err.println(e instanceof ApiException api ? standard(api) : e.getMessage());
            }
        }
        err.flush();
        return errors.isEmpty() ? 0 : 1;
    }

    /** kubectl's StandardErrorMessage: within an aggregate even an Invalid error keeps its one-line form. */
    private static String standard(ApiException e) {
        return e.isInvalid() ? "Error from server (" + e.reason() + "): " + e.getMessage() : e.kubectlMessage();
    }
}
