package dev.jctl.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ObjectPrinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesCoreKindsWithoutAGroupAndOthersWithIt() throws Exception {
        assertEquals("configmap/c", ObjectPrinter.name(object("v1", "ConfigMap", "c")));
        assertEquals("widget.example.com/w", ObjectPrinter.name(object("example.com/v1", "Widget", "w")));
    }

    @Test
    void yamlLeavesOutManagedFieldsAndSeparatesObjects() throws Exception {
        JsonNode first = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\","
                + "\"managedFields\":[{\"manager\":\"kubectl\"}]}}");
        StringWriter out = new StringWriter();
        ObjectPrinter printer = ObjectPrinter.of(OutputFormat.forObjects("yaml", null, true));
        printer.print(new PrintWriter(out), first, "patched");
        printer.print(new PrintWriter(out), object("v1", "ConfigMap", "b"), "patched");
        assertEquals("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: b
                """, out.toString());
    }

    @Test
    void unknownFormatsAreRefusedWithKubectlsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputFormat.forObjects("wide", null, true));
        assertEquals("unable to match a printer suitable for the output format \"wide\", allowed formats are: "
                + "go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml",
                e.getMessage());
    }

    private static JsonNode object(String apiVersion, String kind, String name) throws Exception {
        return JSON.readTree("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\""
                + name + "\"}}");
    }
}
