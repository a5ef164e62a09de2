package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a watch writes its events, one JSON document per line; the HTTP layer implements it. */
public interface EventSink {
    /** Writes one event; returns false once the client is gone. */
    boolean send(JsonNode event);

    /** Ends the stream (timeout, or an ERROR event was the last word). */
    void end();

    /** Runs {@code action} once when the stream ends for any reason, including the client leaving. */
    void onClose(Runnable action);
}
