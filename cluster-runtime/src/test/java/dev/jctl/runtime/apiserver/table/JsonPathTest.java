package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonPathTest {
    private static final JsonNode OBJECT;

    static {
        try {
            OBJECT = new ObjectMapper().readTree("{\"spec\": {\"cronSpec\": \"* * * * *\", \"containers\":"
                    + " [{\"image\": \"a\"}, {\"image\": \"b\"}]}, \"status\": {\"conditions\": ["
                    + "{\"type\": \"Synced\", \"status\": \"False\"}, {\"type\": \"Ready\", \"status\": \"True\"}]}}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(String path) {
        JsonNode value = JsonPath.parse(path).first(OBJECT);
        return value == null ? null : value.asText();
    }

    @Test
    void evaluatesThePrinterColumnSubset() {
        assertEquals("* * * * *", first(".spec.cronSpec"));
        assertEquals("* * * * *", first("{.spec.cronSpec}"));
        assertEquals("b", first(".spec.containers[1].image"));
        assertEquals("b", first(".spec.containers[-1].image"));
        assertEquals("a", first(".spec.containers[*].image"));
        assertEquals("True", first(".status.conditions[?(@.type==\"Ready\")].status"));
        assertEquals("False", first(".status.conditions[?(@.type=='Synced')].status"));
        assertNull(first(".spec.missing"));
        assertNull(first(".spec.containers[5].image"));
    }
}
