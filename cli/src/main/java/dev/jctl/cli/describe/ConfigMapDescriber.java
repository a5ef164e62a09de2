package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Map;

/**
 * kubectl's ConfigMap describer: each value in full, binary values by size. (kubectl walks the data in Go's
 * random map order; jctl sorts by key.)
 */
final class ConfigMapDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode configMap, PrefixWriter w) {
        JsonNode metadata = configMap.path("metadata");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "\nData\n====\n");
        for (Map.Entry<String, String> entry : Text.map(configMap.path("data")).entrySet()) {
            w.write(0, entry.getKey() + ":\n----\n");
            w.write(0, entry.getValue() + "\n");
            w.write(0, "\n");
        }
        w.write(0, "\nBinaryData\n====\n");
        for (Map.Entry<String, String> entry : Text.map(configMap.path("binaryData")).entrySet()) {
            w.write(0, entry.getKey() + ": " + Base64.getDecoder().decode(entry.getValue()).length + " bytes\n");
        }
        w.write(0, "\n");
        Sections.events(w, context.eventsAbout(configMap));
    }
}
