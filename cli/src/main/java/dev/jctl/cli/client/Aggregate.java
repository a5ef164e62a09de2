package dev.jctl.cli.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Several errors as one, as apimachinery's {@code utilerrors.NewAggregate} makes them. kubectl's commands that go on
 * past failures return such aggregates, sometimes nested, and the nesting decides how kubectl prints them: one line
 * per error of the outer aggregate, a nested one on a single line as its message. That message is Go's: the
 * distinct messages of all nested errors, joined by ", " and, when there are several, in brackets.
 */
public final class Aggregate extends RuntimeException {
    private final List<RuntimeException> errors;

    private Aggregate(List<RuntimeException> errors) {
        super(message(errors), null, false, false);
        this.errors = errors;
    }

    /** {@code NewAggregate}: null for no errors, else an aggregate, even of one. */
    public static Aggregate of(List<? extends RuntimeException> errors) {
        List<RuntimeException> present = errors.stream().filter(Objects::nonNull)
                .map(RuntimeException.class::cast).toList();
        return present.isEmpty() ? null : new Aggregate(present);
    }

    public List<RuntimeException> errors() {
        return errors;
    }

    private static String message(List<RuntimeException> errors) {
        if (errors.size() == 1) {
            return errors.get(0).getMessage();
        }
        Set<String> seen = new LinkedHashSet<>();
        collect(errors, seen);
        return seen.size() == 1 ? seen.iterator().next() : "[" + String.join(", ", seen) + "]";
    }

    private static void collect(List<RuntimeException> errors, Set<String> seen) {
        for (RuntimeException error : errors) {
            if (error instanceof Aggregate nested) {
                collect(nested.errors, seen);
            } else {
                seen.add(error.getMessage());
            }
        }
    }

    /**
     * The error kubectl's resource builder ends with when it goes on past errors ({@code ContinueOnError}): those
     * met while visiting objects, in order, then one aggregate of those met while reading files; one error alone
     * is returned as itself, none as null.
     */
    public static RuntimeException continuedPast(List<? extends RuntimeException> visiting,
                                                 List<? extends RuntimeException> reading) {
        List<RuntimeException> all = new ArrayList<>(visiting);
        Aggregate read = of(reading);
        if (read != null) {
            all.add(read);
        }
        return all.size() == 1 ? all.get(0) : of(all);
    }
}
