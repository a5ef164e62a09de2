package dev.jctl.diff.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import java.nio.file.Path;
import java.util.List;

/**
 * apimachinery's {@code createJSONMergePatchTestCaseData}, run as {@code TestCreateThreeWayJSONMergePatch}
 * does: the three-way patch (no preconditions) must equal {@code threeWay}, and merging it into
 * {@code current} must give {@code result}. No case may error.
 */
public final class JsonMergePatchRunner implements FixtureRunner {

    @Override
    public boolean accepts(JsonNode fixture) {
        return fixture.path("goVariable").asText().equals("createJSONMergePatchTestCaseData");
    }

    @Override
    public Tally run(JsonNode fixture, Path file) {
        Tally tally = new Tally();
        JsonNode cases = fixture.path("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            String failure;
            try {
                failure = check(testCase);
            } catch (PatchException e) {
                failure = "unexpected error: " + e.getMessage();
            }
            if (failure == null) {
                tally.pass();
            } else {
                tally.fail(Cases.name(file, i, testCase), failure);
            }
        }
        return tally;
    }

    private static String check(JsonNode testCase) {
        JsonNode current = Cases.objectOrEmpty(testCase, "current");
        JsonNode patch = JsonMergePatch.createThreeWay(Cases.objectOrEmpty(testCase, "original"),
                Cases.objectOrEmpty(testCase, "modified"), current, List.of());
        JsonNode expectedPatch = Cases.objectOrEmpty(testCase, "threeWay");
        if (!JsonValues.equal(expectedPatch, patch)) {
            return "three-way patch: expected " + expectedPatch + ", got " + patch;
        }
        JsonNode result = JsonMergePatch.apply(current, patch);
        JsonNode expectedResult = Cases.objectOrEmpty(testCase, "result");
        if (!JsonValues.equal(expectedResult, result)) {
            return "result: expected " + expectedResult + ", got " + result;
        }
        return null;
    }
}
