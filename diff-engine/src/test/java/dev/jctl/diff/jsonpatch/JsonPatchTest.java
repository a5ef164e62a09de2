package dev.jctl.diff.jsonpatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.io.Yaml;
import dev.jctl.diff.json.JsonValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

    private static JsonNode json(String text) {
        return Yaml.parseTree(text);
    }

    private static void assertJson(String expected, JsonNode actual) {
        assertTrue(JsonValues.equal(json(expected), actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void appliesOperationsInOrderWithoutTouchingTheInput() {
        JsonNode doc = json("{a: [1, 2], b: {c: 1}}");
        JsonNode result = JsonPatch.apply(doc, json("""
                [{op: add, path: /a/1, value: 9},
                 {op: move, from: /b/c, path: /d},
                 {op: copy, from: /a, path: /b/a},
                 {op: replace, path: /a/0, value: x}]
                """));
        assertJson("{a: [x, 9, 2], b: {a: [1, 9, 2]}, d: 1}", result);
        assertJson("{a: [1, 2], b: {c: 1}}", doc);
    }

    @Test
    void failuresNameTheOperationAndReason() {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(json("{a: 1}"),
                json("[{op: test, path: /a, value: 1.0}, {op: remove, path: /b}]")));
        assertTrue(e.getMessage().startsWith("JSON patch operation 1 "), e.getMessage());
        assertTrue(e.getMessage().endsWith("path /b does not exist"), e.getMessage());
        assertFails("{a: 1}", "[{op: test, path: /a, value: 2}]");
        assertFails("{a: [1]}", "[{op: add, path: /a/01, value: 2}]");
        assertFails("{a: [1]}", "[{op: add, path: /a/2, value: 2}]");
        assertFails("{a: 1}", "[{op: move, from: /a, path: /a/b}]");
        assertFails("{a: 1}", "[{op: add, path: /a/b, value: 2}]");
        assertFails("{a: 1}", "[{op: add, path: /b}]");
        assertThrows(PatchException.class, () -> JsonPatch.apply(json("{a: 1}"), json("{op: add}")));
    }

    private static void assertFails(String doc, String patch) {
        assertThrows(PatchException.class, () -> JsonPatch.apply(json(doc), json(patch)), patch);
    }

    @Test
    void pointerEscapesAreDecodedInOnePass() {
        assertEquals(List.of("~1", "a/b", ""), Pointer.parse("/~01/a~1b/").tokens());
        assertThrows(IllegalArgumentException.class, () -> Pointer.parse("/a~2"));
        assertThrows(IllegalArgumentException.class, () -> Pointer.parse("a"));
    }

    @Test
    void createdPatchesReproduceTheTarget() {
        String[][] pairs = {
                {"{a: 1, b: [1, 2, 3], c: {d: x}}", "{a: 2, b: [0, 1, 3, 4, 5], e: null}"},
                {"[1, 2, 3, 4]", "[4]"},
                {"[]", "[{a: 1}]"},
                {"{\"a/b\": 1, \"~\": 2}", "{\"a/b\": 3}"},
                {"{a: 1}", "[1]"},
        };
        for (String[] pair : pairs) {
            JsonNode source = json(pair[0]);
            JsonNode target = json(pair[1]);
            JsonNode patch = JsonPatch.create(source, target);
            assertJson(pair[1], JsonPatch.apply(source, patch));
        }
        assertEquals(0, JsonPatch.create(json("{a: [1, {b: 2}]}"), json("{a: [1.0, {b: 2}]}")).size());
    }
}
