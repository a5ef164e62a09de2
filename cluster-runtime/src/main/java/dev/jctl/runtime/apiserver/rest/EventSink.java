package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.Json;

/** Where a watch writes its events, one JSON document per line; the HTTP layer implements it. */
public interface EventSink {
    /** Writes one event; returns false once the client is gone. */
    default boolean send(JsonNode event) {
        return send(Json.bytes(event));
    }

    /** Writes one event already encoded as JSON (shared between watchers, so not to be modified). */
    boolean send(byte[] event);

    /** Ends the stream (timeout, or an ERROR event was the last word). */
    void end();

    /** Runs {@code action} once when the stream ends for any reason, including the client leaving. */
    void onClose(Runnable action);
}
