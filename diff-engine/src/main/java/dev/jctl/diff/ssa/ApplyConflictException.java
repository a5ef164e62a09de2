package dev.jctl.diff.ssa;

import java.util.List;

/** An apply that would change fields other managers own, without force; conflicts sorted by manager, then path. */
public final class ApplyConflictException extends RuntimeException {
    private final List<Conflict> conflicts;

    public ApplyConflictException(List<Conflict> conflicts) {
        super(conflicts.size() + " conflict(s)");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
