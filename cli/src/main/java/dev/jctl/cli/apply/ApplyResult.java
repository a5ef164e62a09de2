package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.Manifest;

/**
 * What happened to one manifest.
 *
 * @param live      the object as it was before, null when it did not exist (or on error)
 * @param object    the object as the server (or, for a client dry run, the local merge) has it; null on error
 * @param operation {@code created}, {@code configured}, {@code unchanged} or {@code serverside-applied}; null on error
 * @param error     why it failed, with kubectl's words for it; null on success. A {@link
 *                  dev.jctl.cli.client.BuilderException} when kubectl would have refused the object before applying
 *                  anything: for a kind the server does not serve, or a namespace that contradicts {@code -n}
 */
public record ApplyResult(Manifest manifest, JsonNode live, JsonNode object, String operation,
                          RuntimeException error) {

    static ApplyResult success(Manifest manifest, JsonNode live, JsonNode object, String operation) {
        return new ApplyResult(manifest, live, object, operation, null);
    }

    static ApplyResult failure(Manifest manifest, RuntimeException error) {
        return new ApplyResult(manifest, null, null, null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
