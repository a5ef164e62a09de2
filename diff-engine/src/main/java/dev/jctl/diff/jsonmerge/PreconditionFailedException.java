package dev.jctl.diff.jsonmerge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;

/**
 * The computed patch would change something a {@link Precondition} protects, such as the object's kind or name
 * (apimachinery's {@code mergepatch.ErrPreconditionFailed}).
 */
public class PreconditionFailedException extends PatchException {
    public PreconditionFailedException(JsonNode patch) {
        super("precondition failed for: " + patch);
    }
}
