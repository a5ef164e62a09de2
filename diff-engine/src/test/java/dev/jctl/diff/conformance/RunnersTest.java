package dev.jctl.diff.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.Yaml;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The runners must catch wrong results, or the conformance test could not fail. */
class RunnersTest {
    private static final Path FILE = Path.of("fixture.yaml");

    @Test
    void jsonPatchRunnerCountsWrongResultsMissingErrorsAndSkipsDisabledCases() {
        JsonNode fixture = Yaml.parseTree("""
                - {doc: {a: 1}, patch: [{op: remove, path: /a}], expected: {}}
                - {doc: {a: 1}, patch: [{op: remove, path: /a}], expected: {a: 1}, comment: wrong}
                - {doc: {a: 1}, patch: [{op: remove, path: /a}], error: should fail}
                - {doc: {a: 1}, patch: [{op: bogus, path: /a}], expected: {}}
                - {doc: {a: 1}, patch: [{op: bogus, path: /a}], disabled: true}
                """);
        JsonPatchRunner runner = new JsonPatchRunner();
        assertTrue(runner.accepts(fixture));
        Tally tally = runner.run(fixture, FILE);
        assertEquals(1, tally.passed());
        assertEquals(3, tally.failures().size());
        assertTrue(tally.failures().get(0).startsWith("fixture.yaml#1 \"wrong\": expected"), tally.failures().get(0));
        assertTrue(tally.skips().isEmpty());
    }

    @Test
    void jsonMergePatchRunnerComparesPatchAndResult() {
        JsonNode fixture = Yaml.parseTree("""
                goVariable: createJSONMergePatchTestCaseData
                cases:
                - {description: ok, original: {a: 1}, modified: {}, current: {a: 1, b: 2},
                   threeWay: {a: null}, result: {b: 2}}
                - {description: bad patch, modified: {a: 1}, current: {}, threeWay: {a: 2}, result: {a: 1}}
                - {description: bad result, modified: {a: 1}, current: {}, threeWay: {a: 1}, result: {a: 2}}
                """);
        JsonMergePatchRunner runner = new JsonMergePatchRunner();
        assertTrue(runner.accepts(fixture));
        assertFalse(new FilterNullRunner().accepts(fixture));
        Tally tally = runner.run(fixture, FILE);
        assertEquals(1, tally.passed());
        assertEquals(2, tally.failures().size());
    }

    @Test
    void filterNullRunnerChecksBothDirections() {
        JsonNode fixture = Yaml.parseTree("""
                goVariable: filterNullTestCaseData
                cases:
                - {originalObj: {a: null, b: 1}, expectedWithNull: {a: null}, expectedWithoutNull: {b: 1}}
                - {originalObj: {a: null, b: 1}, expectedWithNull: {}, expectedWithoutNull: {b: 1}}
                - {originalObj: {a: null, b: 1}, expectedWithNull: {a: null}, expectedWithoutNull: {b: 1, a: null}}
                """);
        Tally tally = new FilterNullRunner().run(fixture, FILE);
        assertEquals(1, tally.passed());
        assertEquals(2, tally.failures().size());
    }
}
