package dev.jctl.diff.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import dev.jctl.diff.jsonpatch.JsonPatch;
import java.nio.file.Path;

/**
 * The public RFC 6902 suite (json-patch/json-patch-tests): an array of {@code {doc, patch, expected | error}}.
 * Disabled cases are not run and not counted. Every case that succeeds also checks {@link JsonPatch#create}:
 * the patch it makes from {@code doc} to the result must reproduce the result.
 */
public final class JsonPatchRunner implements FixtureRunner {

    @Override
    public boolean accepts(JsonNode fixture) {
        if (!fixture.isArray() || fixture.isEmpty()) {
            return false;
        }
        for (JsonNode testCase : fixture) {
            if (!testCase.isObject() || !testCase.has("doc") || !testCase.has("patch")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Tally run(JsonNode fixture, Path file) {
        Tally tally = new Tally();
        for (int i = 0; i < fixture.size(); i++) {
            JsonNode testCase = fixture.get(i);
            if (testCase.path("disabled").asBoolean(false)) {
                continue;
            }
            String name = Cases.name(file, i, testCase);
            String failure = check(testCase);
            if (failure == null) {
                tally.pass();
            } else {
                tally.fail(name, failure);
            }
        }
        return tally;
    }

    /** Why the case fails, or {@code null} when it passes. */
    private static String check(JsonNode testCase) {
        JsonNode doc = testCase.get("doc");
        JsonNode result;
        try {
            result = JsonPatch.apply(doc, testCase.get("patch"));
        } catch (PatchException e) {
            return testCase.has("error") ? null : "unexpected error: " + e.getMessage();
        }
        if (testCase.has("error")) {
            return "expected an error (" + testCase.get("error").asText() + "), got " + result;
        }
        JsonNode expected = testCase.get("expected");
        if (expected != null && !JsonValues.equal(expected, result)) {
            return "expected " + expected + ", got " + result;
        }
        JsonNode created = JsonPatch.create(doc, result);
        JsonNode recreated = JsonPatch.apply(doc, created);
        if (!JsonValues.equal(result, recreated)) {
            return "create(doc, result) gave " + created + ", which yields " + recreated;
        }
        return null;
    }
}
