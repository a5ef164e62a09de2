package dev.jctl.cli.command;

import dev.jctl.cli.client.Aggregate;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ServerUnreachable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors of a command that goes on past a failed object (kubectl's ContinueOnError), printed at the end as
 * kubectl's checkErr prints what its command returns: one error alone, several as an aggregate.
 */
final class Failures {
    private final List<RuntimeException> errors = new ArrayList<>();

    void add(RuntimeException error) {
        if (error != null) {
            errors.add(error);
        }
    }

    void add(String message) {
        errors.add(new IllegalStateException(message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Prints them and returns the exit code: 0 without errors, else 1. */
    int print(PrintWriter err) {
        return print(err, 1);
    }

    /** Prints them and returns the exit code: 0 without errors, else {@code exitCode}. */
    int print(PrintWriter err, int exitCode) {
        if (errors.isEmpty()) {
            return 0;
        }
        err.println(checkErr(errors.size() == 1 ? errors.get(0) : Aggregate.of(errors)));
        err.flush();
        return exitCode;
    }

    /**
     * kubectl's checkErr: an aggregate of one is that error; an aggregate of several is one line per error (a
     * nested aggregate on one line, server errors in their standard form); a server error alone in its own form
     * (an Invalid one with its causes); anything else with {@code error: } before it, once.
     */
    private static String checkErr(RuntimeException error) {
        if (error instanceof Aggregate aggregate && aggregate.errors().size() == 1) {
            error = aggregate.errors().get(0);
        }
        if (error instanceof ApiException api) {
            return api.kubectlMessage();
        }
        if (error instanceof ServerUnreachable) {
            return error.getMessage();
        }
        if (error instanceof Aggregate aggregate) {
            List<String> lines = new ArrayList<>();
            for (RuntimeException e : aggregate.errors()) {
                lines.add(e instanceof ApiException api ? api.standardMessage() : e.getMessage());
            }
            return String.join("\n", lines);
        }
        String message = error.getMessage() != null ? error.getMessage() : error.toString();
        return message.startsWith("error: ") ? message : "error: " + message;
    }
}
