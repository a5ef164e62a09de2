package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.selector.SelectorFormat;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Cell formatting shared by the printers, following k8s.io/kubernetes/pkg/printers/internalversion. */
final class Cells {
    static final String NONE = "<none>";

    private Cells() {
    }

    /** translateTimestampSince: "&lt;unknown&gt;" for a missing timestamp, else a human duration. */
    static String age(JsonNode timestamp, Instant now) {
        if (timestamp == null || timestamp.isNull() || timestamp.asText().isEmpty()) {
            return "<unknown>";
        }
        try {
            return humanDuration(Duration.between(Instant.parse(timestamp.asText()), now));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    /** apimachinery's duration.HumanDuration: precise when short, coarser as it grows. */
    static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    static String text(JsonNode node, String fallback) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty()
                ? fallback : node.asText();
    }

    static long count(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? 0 : node.size();
    }

    /** Container names and images of a pod template spec, comma-joined, as the wide columns show them. */
    static String containerNames(JsonNode podSpec) {
        return join(podSpec.path("containers"), "name");
    }

    static String containerImages(JsonNode podSpec) {
        return join(podSpec.path("containers"), "image");
    }

    private static String join(JsonNode containers, String field) {
        List<String> values = new ArrayList<>();
        containers.forEach(c -> values.add(c.path(field).asText()));
        return String.join(",", values);
    }

    static String selector(JsonNode selector) {
        String formatted = SelectorFormat.format(selector);
        return formatted.isEmpty() ? NONE : formatted;
    }
}
