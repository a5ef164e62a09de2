package dev.jctl.diff.jsonmerge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.io.Yaml;
import dev.jctl.diff.json.JsonValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {

    private static JsonNode json(String text) {
        return Yaml.parseTree(text);
    }

    private static void assertJson(String expected, JsonNode actual) {
        assertTrue(JsonValues.equal(json(expected), actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void applyMergesObjectsAndDeletesWithNull() {
        JsonNode target = json("{a: 1, b: {c: 2, d: 3}, keep: x}");
        JsonNode result = JsonMergePatch.apply(target, json("{a: null, b: {c: null, e: 4}, new: [1, null]}"));
        assertJson("{b: {d: 3, e: 4}, keep: x, new: [1, null]}", result);
        assertJson("{a: 1, b: {c: 2, d: 3}, keep: x}", target);
    }

    @Test
    void applyPrunesNullsFromNewValuesButNotFromArraysReplacingObjects() {
        // evanphx prunes a value that lands on a missing or non-object member, and keeps it as is otherwise
        assertJson("{a: {b: 1}, l: [{x: 1}, null]}", JsonMergePatch.apply(json("{a: 5}"),
                json("{a: {b: 1, c: null}, l: [{x: 1, y: null}, null]}")));
        assertJson("{a: [{x: 1, y: null}]}",
                JsonMergePatch.apply(json("{a: {z: 1}}"), json("{a: [{x: 1, y: null}]}")));
    }

    @Test
    void nonObjectTargetOrPatchFollowsEvanphx() {
        assertJson("{a: 1}", JsonMergePatch.apply(json("[1, 2]"), json("{a: 1, b: null}")));
        assertJson("[{a: 1}, null]", JsonMergePatch.apply(json("{x: 1}"), json("[{a: 1, b: null}, null]")));
        assertThrows(PatchException.class, () -> JsonMergePatch.apply(json("{x: 1}"), json("5")));
        assertThrows(PatchException.class, () -> JsonMergePatch.apply(json("{x: 1}"), json("null")));
        assertThrows(PatchException.class, () -> JsonMergePatch.apply(json("null"), json("{}")));
    }

    @Test
    void createTwoWayListsChangesAndDeletions() {
        JsonNode patch = JsonMergePatch.createTwoWay(json("{a: 1, b: {c: 1, d: 1}, l: [1, 2], s: x, n: 1}"),
                json("{a: 1, b: {c: 2, d: 1}, l: [1, 2, 3], s: 5, n: 1.0}"));
        assertJson("{b: {c: 2}, l: [1, 2, 3], s: 5}", patch);
        assertJson("{gone: null}", JsonMergePatch.createTwoWay(json("{gone: {x: 1}}"), json("{}")));
        assertJson("[{a: 2}, {}]",
                JsonMergePatch.createTwoWay(json("[{a: 1}, {b: 1}]"), json("[{a: 2}, {b: 1}]")));
        assertThrows(PatchException.class, () -> JsonMergePatch.createTwoWay(json("[]"), json("{}")));
        assertThrows(PatchException.class, () -> JsonMergePatch.createTwoWay(json("[{}]"), json("[]")));
    }

    @Test
    void threeWayKeepsLiveOnlyFieldsAndDeletesWhatTheLastApplyHad() {
        JsonNode original = json("{kind: Foo, spec: {a: 1, b: 1}}");
        JsonNode modified = json("{kind: Foo, spec: {a: 2}}");
        JsonNode current = json("{kind: Foo, spec: {a: 1, b: 1, live: true}, status: {ok: true}}");
        JsonNode patch = JsonMergePatch.createThreeWay(original, modified, current);
        assertJson("{spec: {a: 2, b: null}}", patch);
        assertJson("{kind: Foo, spec: {a: 2, live: true}, status: {ok: true}}",
                JsonMergePatch.apply(current, patch));
    }

    @Test
    void threeWayRefusesIdentityChanges() {
        JsonNode original = json("{apiVersion: v1, kind: Foo, metadata: {name: a}}");
        PreconditionFailedException e = assertThrows(PreconditionFailedException.class,
                () -> JsonMergePatch.createThreeWay(original,
                        json("{apiVersion: v1, kind: Foo, metadata: {name: b}}"), original));
        assertTrue(e.getMessage().startsWith("precondition failed for: "), e.getMessage());
        assertThrows(PreconditionFailedException.class, () -> JsonMergePatch.createThreeWay(original,
                json("{apiVersion: v2, kind: Foo, metadata: {name: a}}"), original));
        assertJson("{metadata: {name: b}}", JsonMergePatch.createThreeWay(original,
                json("{apiVersion: v1, kind: Foo, metadata: {name: b}}"), original, List.of()));
    }

    @Test
    void conflictsAreDetectedLikeApimachinery() {
        assertTrue(JsonMergePatch.hasConflicts(json("{a: {b: 1}}"), json("{a: 1}")));
        assertTrue(JsonMergePatch.hasConflicts(json("{a: [1]}"), json("{a: [1, 2]}")));
        assertTrue(JsonMergePatch.hasConflicts(json("{a: 1}"), json("{a: null}")));
        assertFalse(JsonMergePatch.hasConflicts(json("{a: {b: 1}, c: 1}"), json("{a: {c: null}, d: 2}")));
        assertFalse(JsonMergePatch.hasConflicts(json("{a: [1, {x: 1}]}"), json("{a: [1.0, {x: 1}]}")));
    }

    @Test
    void keepOrDeleteNullSplitsAPatch() {
        ObjectNode patch = (ObjectNode) json("{a: null, b: {c: null, d: 1}, e: {}, l: [null]}");
        assertJson("{a: null, b: {c: null}}", JsonMergePatch.keepOrDeleteNull(patch, true));
        assertJson("{b: {d: 1}, e: {}, l: [null]}", JsonMergePatch.keepOrDeleteNull(patch, false));
    }
}
