package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.Manifest;

/**
 * What happened to one manifest.
 *
 * @param live      the object as it was before, null when it did not exist (or on error)
 * @param object    the object as the server (or, for a client dry run, the local merge) has it; null on error
 * @param operation {@code created}, {@code configured}, {@code unchanged} or {@code serverside-applied}; null on error
 * @param error     the message kubectl would print for this object, null on success
 */
public record ApplyResult(Manifest manifest, JsonNode live, JsonNode object, String operation, String error) {

    static ApplyResult success(Manifest manifest, JsonNode live, JsonNode object, String operation) {
        return new ApplyResult(manifest, live, object, operation, null);
    }

    static ApplyResult failure(Manifest manifest, String error) {
        return new ApplyResult(manifest, null, null, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
