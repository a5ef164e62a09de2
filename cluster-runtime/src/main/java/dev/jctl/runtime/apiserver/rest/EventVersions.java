package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.List;
import java.util.Map;

/**
 * core/v1 Event and events.k8s.io/v1 Event are two versions of one resource with one storage, as upstream (both
 * convert through the internal core.Event, k8s.io/kubernetes/pkg/apis/events/v1/conversion.go): what is written
 * through either API is stored in the core/v1 form and read through the other converted. The versions differ only
 * in field names; every other field (reason, type, action, eventTime, series, related, reportingInstance,
 * metadata) is the same in both.
 */
final class EventVersions {
    /** core/v1 name to events.k8s.io/v1 name. */
    private static final List<Map.Entry<String, String>> RENAMED = List.of(
            Map.entry("involvedObject", "regarding"),
            Map.entry("message", "note"),
            Map.entry("reportingComponent", "reportingController"),
            Map.entry("source", "deprecatedSource"),
            Map.entry("firstTimestamp", "deprecatedFirstTimestamp"),
            Map.entry("lastTimestamp", "deprecatedLastTimestamp"),
            Map.entry("count", "deprecatedCount"));

    private EventVersions() {
    }

    static boolean isEventsV1(KindInfo kind) {
        return kind.group().equals("events.k8s.io") && kind.kind().equals("Event");
    }

    /** A stored (core/v1) event as {@code kind} shows it; other kinds' objects unchanged. */
    static ObjectNode fromStorage(KindInfo kind, ObjectNode stored) {
        return isEventsV1(kind) ? rename(stored, false) : stored;
    }

    /** An object of {@code kind} in the form it is stored in; the argument is not modified. */
    static ObjectNode toStorage(KindInfo kind, ObjectNode object) {
        if (!isEventsV1(kind)) {
            return object;
        }
        ObjectNode core = rename(object, true);
        core.put("apiVersion", "v1");
        return core;
    }

    /** A copy with the fields renamed towards core/v1 ({@code toCore}) or towards events.k8s.io/v1, in order. */
    private static ObjectNode rename(ObjectNode event, boolean toCore) {
        ObjectNode out = Json.object();
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            out.set(renamed(field.getKey(), toCore), field.getValue());
        }
        return out;
    }

    private static String renamed(String name, boolean toCore) {
        for (Map.Entry<String, String> pair : RENAMED) {
            if (name.equals(toCore ? pair.getValue() : pair.getKey())) {
                return toCore ? pair.getKey() : pair.getValue();
            }
        }
        return name;
    }
}
