package dev.jctl.cli.get;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl's --sort-by order: quantities, numbers, byte-wise strings, missing values first. */
class ObjectSorterTest {
    private static List<String> sorted(String sortBy, String... values) throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String value : values) {
            objects.add(Connection.JSON.readTree(value == null ? "{}" : "{\"v\": " + value + "}"));
        }
        return ObjectSorter.of(sortBy).sort(objects, o -> o).stream()
                .map(o -> o.has("v") ? o.get("v").toString() : "-").toList();
    }

    @Test
    void quantitiesAndNumbersCompareByValue() throws Exception {
        assertEquals(List.of("\"500Mi\"", "\"1Gi\"", "\"2Gi\""), sorted(".v", "\"2Gi\"", "\"500Mi\"", "\"1Gi\""));
        assertEquals(List.of("\"2\"", "\"10\""), sorted("v", "\"10\"", "\"2\""));
        assertEquals(List.of("\"B\"", "\"a\"", "\"web-10\"", "\"web-2\""),
                sorted("{.v}", "\"web-2\"", "\"a\"", "\"web-10\"", "\"B\""));
        assertEquals(List.of("-", "1", "3"), sorted(".v", "3", null, "1"));
    }

    @Test
    void aFieldNoObjectHasIsAnError() {
        assertEquals("couldn't find any field with path \"{.nope}\" in the list of objects",
                assertThrows(IllegalArgumentException.class, () -> sorted(".nope", "1", "2")).getMessage());
    }
}
