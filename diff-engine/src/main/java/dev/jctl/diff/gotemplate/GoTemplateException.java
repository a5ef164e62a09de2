package dev.jctl.diff.gotemplate;

/**
 * A template that does not parse or fails while executing, with Go's message
 * ({@code template: output:1:10: executing "output" at <.x.y>: ...}). {@link #panicked()} marks what Go reports as
 * a run-time panic rather than a template error (kubectl then says {@code caught panic: ...}).
 */
public final class GoTemplateException extends RuntimeException {
    private final boolean panicked;

    GoTemplateException(String message) {
        this(message, false);
    }

    GoTemplateException(String message, boolean panicked) {
        super(message, null, false, false);
        this.panicked = panicked;
    }

    public boolean panicked() {
        return panicked;
    }
}
