package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** core/v1 Event LAST SEEN, FIRST SEEN, OBJECT and SOURCE as printEvent computes them. */
final class EventCells {
    private EventCells() {
    }

    static String lastSeen(JsonNode event, Instant now) {
        JsonNode series = event.path("series").path("lastObservedTime");
        if (series.isTextual()) {
            return Cells.age(series, now);
        }
        return Cells.age(event.path("lastTimestamp").isTextual() ? event.path("lastTimestamp")
                : event.path("eventTime"), now);
    }

    static String firstSeen(JsonNode event, Instant now) {
        return Cells.age(event.path("firstTimestamp").isTextual() ? event.path("firstTimestamp")
                : event.path("eventTime"), now);
    }

    static String object(JsonNode event) {
        JsonNode involved = event.path("involvedObject");
        return involved.path("kind").asText("").toLowerCase() + "/" + involved.path("name").asText("");
    }

    static String source(JsonNode event) {
        String component = event.path("source").path("component").asText("");
        String host = event.path("source").path("host").asText("");
        if (component.isEmpty()) {
            component = event.path("reportingComponent").asText("");
        }
        return host.isEmpty() ? component : component + ", " + host;
    }
}
