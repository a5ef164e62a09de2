package dev.jctl.diff.jsonmerge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;

/**
 * The three-way patch would both change and delete the same field (apimachinery's {@code mergepatch.ErrConflict}).
 * A distinct type so that callers can tell a conflict from a malformed input.
 */
public class MergeConflictException extends PatchException {
    public MergeConflictException(JsonNode patch, JsonNode deletions) {
        super("patch:\n" + patch + "\nconflicts with changes made from original to current:\n" + deletions);
    }
}
