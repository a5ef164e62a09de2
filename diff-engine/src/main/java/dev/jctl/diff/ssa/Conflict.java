package dev.jctl.diff.ssa;

/** A field an apply would change that another manager owns. */
public record Conflict(String manager, FieldPath path) {
}
