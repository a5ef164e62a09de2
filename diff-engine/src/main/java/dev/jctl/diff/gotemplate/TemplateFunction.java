package dev.jctl.diff.gotemplate;

import java.util.List;

/**
 * A function templates can call, with the Go parameter types text/template checks its arguments against: an
 * {@code interface{}} parameter receives the value inside (a Java null for nil), a {@code reflect.Value} one the
 * value as evaluated (possibly an interface-typed element, or null for the invalid value), a {@code string} one a
 * String. A failing function throws {@link Failure}, which the template reports as
 * {@code error calling NAME: MESSAGE}.
 *
 * @param variadic whether the last parameter takes any number of arguments
 */
public record TemplateFunction(List<Param> params, boolean variadic, Body body) {
    public enum Param { ANY, VALUE, STRING }

    @FunctionalInterface
    public interface Body {
        Object call(List<Object> args);
    }

    /** The error a Go function returns as its second result. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    public TemplateFunction {
        params = List.copyOf(params);
    }
}
