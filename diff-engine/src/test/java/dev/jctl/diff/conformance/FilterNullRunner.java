package dev.jctl.diff.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.json.JsonValues;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import java.nio.file.Path;

/**
 * apimachinery's {@code filterNullTestCaseData}, run as {@code TestKeepOrDeleteNullInObj}: filtering
 * {@code originalObj} keeping only nulls gives {@code expectedWithNull}, dropping them gives
 * {@code expectedWithoutNull}.
 */
public final class FilterNullRunner implements FixtureRunner {

    @Override
    public boolean accepts(JsonNode fixture) {
        return fixture.path("goVariable").asText().equals("filterNullTestCaseData");
    }

    @Override
    public Tally run(JsonNode fixture, Path file) {
        Tally tally = new Tally();
        JsonNode cases = fixture.path("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            String failure = check(testCase);
            if (failure == null) {
                tally.pass();
            } else {
                tally.fail(Cases.name(file, i, testCase), failure);
            }
        }
        return tally;
    }

    private static String check(JsonNode testCase) {
        JsonNode original = Cases.objectOrEmpty(testCase, "originalObj");
        if (!original.isObject()) {
            return "originalObj must be an object, not " + original;
        }
        JsonNode withNull = JsonMergePatch.keepOrDeleteNull((ObjectNode) original, true);
        JsonNode expectedWithNull = Cases.objectOrEmpty(testCase, "expectedWithNull");
        if (!JsonValues.equal(expectedWithNull, withNull)) {
            return "keepNull=true: expected " + expectedWithNull + ", got " + withNull;
        }
        JsonNode withoutNull = JsonMergePatch.keepOrDeleteNull((ObjectNode) original, false);
        JsonNode expectedWithoutNull = Cases.objectOrEmpty(testCase, "expectedWithoutNull");
        if (!JsonValues.equal(expectedWithoutNull, withoutNull)) {
            return "keepNull=false: expected " + expectedWithoutNull + ", got " + withoutNull;
        }
        return null;
    }
}
