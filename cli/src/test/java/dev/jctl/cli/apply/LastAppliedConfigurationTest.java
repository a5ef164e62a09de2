package dev.jctl.cli.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.ManifestReader;
import org.junit.jupiter.api.Test;

/** The annotation text, byte for byte as kubectl v1.32 wrote it for the same manifests (taken from live objects). */
class LastAppliedConfigurationTest {

    private static ObjectNode manifest(String yaml) {
        ObjectNode object = new ManifestReader().read("m.yaml", yaml).get(0).object();
        object.withObjectProperty("metadata").put("namespace", "NS");
        return object;
    }

    @Test
    void sortedCompactGoJsonWithHtmlEscapesAndATrailingNewline() {
        String yaml = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: robot
                  labels:
                    b: "2"
                    a: "1"
                  annotations:
                    note: first
                    description: "a <robot> & friends"
                """;
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"annotations\":{\"description\":"
                + "\"a \\u003crobot\\u003e \\u0026 friends\",\"note\":\"first\"},\"labels\":{\"a\":\"1\",\"b\":\"2\"},"
                + "\"name\":\"robot\",\"namespace\":\"NS\"}}\n", LastAppliedConfiguration.of(manifest(yaml)));
    }

    @Test
    void emptyAnnotationsArePresentAndMultiLineStringsEscaped() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  color: blue
                  size: "10"
                  config.json: |
                    {"a": 1, "b": [1, 2]}
                """;
        assertEquals("{\"apiVersion\":\"v1\",\"data\":{\"color\":\"blue\",\"config.json\":\"{\\\"a\\\": 1, \\\"b\\\": "
                + "[1, 2]}\\n\",\"size\":\"10\"},\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},"
                + "\"name\":\"settings\",\"namespace\":\"NS\"}}\n", LastAppliedConfiguration.of(manifest(yaml)));
    }

    @Test
    void anExistingLastAppliedAnnotationIsNotNested() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: old
                """;
        ObjectNode modified = LastAppliedConfiguration.modified(manifest(yaml));
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"annotations\":{},\"name\":\"c\","
                        + "\"namespace\":\"NS\"}}\n",
                modified.path("metadata").path("annotations").path(LastAppliedConfiguration.ANNOTATION).asText());
    }

    @Test
    void integralFloatsAreWrittenAsGoWritesThem() {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  terminationGracePeriodSeconds: 30.0\n"
                + "  overhead: 1e-7\n";
        String text = LastAppliedConfiguration.of(manifest(yaml));
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"name\":\"p\","
                + "\"namespace\":\"NS\"},\"spec\":{\"overhead\":1e-7,\"terminationGracePeriodSeconds\":30}}\n", text);
    }
}
