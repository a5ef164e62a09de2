package dev.jctl.diff.conformance;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import dev.jctl.diff.smp.ConflictException;
import dev.jctl.diff.smp.MergeListSorter;
import dev.jctl.diff.smp.OpenApiPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.diff.smp.StrategicMergePatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * apimachinery's strategic-merge-patch tables ({@code pkg/util/strategicpatch/patch_test.go}), each run the way
 * its Go test runs it (see the test data README), once per patch-metadata source.
 *
 * <p>Go runs every table against three sources: the struct {@code MergeItem} read through its tags, the OpenAPI
 * v2 document and the OpenAPI v3 document. The struct's tags hold the same metadata as the v3 document (its
 * {@code jsonItem} is a struct with no JSON fields, like v3's property without properties), so the v2 and v3
 * runs cover all three. A case passes when it passes with every source.
 */
public final class StrategicRunner implements FixtureRunner {
    private static final String TWO_AND_THREE_WAY = "twoAndThreeWay";
    private static final String APPLY_ONLY = "applyOnly";
    private static final String SORT = "sort";
    private static final String NUMBER_CONVERSION = "numberConversion";
    private static final String UNKNOWN_FIELD = "unknownField";
    private static final Map<String, String> TABLES_BY_VARIABLE = Map.of(
            "createStrategicMergePatchTestCaseData", TWO_AND_THREE_WAY,
            "strategicMergePatchRawTestCases", TWO_AND_THREE_WAY,
            "replaceRawExtensionPatchTestCases", TWO_AND_THREE_WAY,
            "customStrategicMergePatchTestCaseData", APPLY_ONLY,
            "customStrategicMergePatchRawTestCases", APPLY_ONLY,
            "sortMergeListTestCaseData", SORT);
    /** The two tables whose Go variable is a local {@code testcases}, told apart by their test function. */
    private static final Map<String, String> TABLES_BY_TEST = Map.of(
            "TestNumberConversion", NUMBER_CONVERSION,
            "TestUnknownField", UNKNOWN_FIELD);
    private static final String LOCAL_VARIABLE = "testcases";
    private static final JsonMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Map<Path, JsonNode> SCHEMA_FILES = new ConcurrentHashMap<>();

    private record Source(String name, PatchMeta schema) {}

    @Override
    public boolean accepts(JsonNode fixture) {
        return table(fixture) != null;
    }

    private static String table(JsonNode fixture) {
        String variable = fixture.path("goVariable").asText("");
        if (TABLES_BY_VARIABLE.containsKey(variable)) {
            return TABLES_BY_VARIABLE.get(variable);
        }
        String firstWord = variable.split(" ", 2)[0];
        if (LOCAL_VARIABLE.equals(firstWord)) {
            return TABLES_BY_TEST.get(fixture.path("goTest").asText(""));
        }
        return null;
    }

    @Override
    public Tally run(JsonNode fixture, Path file) {
        String table = table(fixture);
        List<Source> sources = sources(fixture, file);
        boolean yamlTable = fixture.path("preprocess").asText("").startsWith("sortMergeListsByName");
        Tally tally = new Tally();
        JsonNode cases = fixture.path("cases");
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            String name = Cases.name(file, i, testCase);
            if (testCase.path("goSpecific").asBoolean(false)) {
                tally.skip(name, testCase.path("goSpecificReason").asText("marked Go-specific"));
                continue;
            }
            List<String> failures = new ArrayList<>();
            for (Source source : sources) {
                String failure;
                try {
                    failure = check(table, testCase, source.schema(), yamlTable);
                } catch (PatchException e) {
                    failure = "unexpected error: " + e.getMessage();
                }
                if (failure != null) {
                    failures.add(source.name() + ": " + failure);
                }
            }
            if (failures.isEmpty()) {
                tally.pass();
            } else {
                tally.fail(name, String.join("; ", failures));
            }
        }
        return tally;
    }

    private static List<Source> sources(JsonNode fixture, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String root = fixture.path("schemaRoot").asText();
        return List.of(
                new Source("OpenAPI v2", OpenApiPatchMeta.v2(schemaFile(folder.resolve(fixture.path("schema").asText())), root)),
                new Source("OpenAPI v3", OpenApiPatchMeta.v3(schemaFile(folder.resolve(fixture.path("schemaV3").asText())), root)));
    }

    /** Schema documents; lenient about trailing commas, which the v2 merge-item document has (Go reads it as YAML). */
    private static JsonNode schemaFile(Path path) {
        return SCHEMA_FILES.computeIfAbsent(path, p -> {
            try {
                return LENIENT_JSON.readTree(p.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String check(String table, JsonNode c, PatchMeta schema, boolean yamlTable) {
        Inputs in = new Inputs(c, schema, yamlTable);
        switch (table) {
            case TWO_AND_THREE_WAY:
                String twoWay = checkTwoWay(in);
                return twoWay != null ? twoWay : checkThreeWay(in);
            case APPLY_ONLY:
                return checkApply("", in.doc("original"), in.doc("twoWay"), in.twoWayResult(), in.expectedError(), schema);
            case SORT:
                return compare("sorted", Cases.objectOrEmpty(c, "sorted"),
                        MergeListSorter.sort(Cases.objectOrEmpty(c, "original"), schema));
            case NUMBER_CONVERSION:
                return checkNumberConversion(c, schema);
            case UNKNOWN_FIELD:
                return checkUnknownField(c, schema);
            default:
                throw new IllegalStateException("unknown table " + table);
        }
    }

    /**
     * The documents of one case. In the YAML tables Go passes every field through {@code sortMergeListsByName}
     * first; the fixture gives the result in {@code normalized} wherever that changes the field.
     */
    private static final class Inputs {
        private final JsonNode c;
        private final PatchMeta schema;
        private final boolean yamlTable;

        Inputs(JsonNode c, PatchMeta schema, boolean yamlTable) {
            this.c = c;
            this.schema = schema;
            this.yamlTable = yamlTable;
        }

        JsonNode doc(String field) {
            JsonNode normalized = c.path("normalized");
            return yamlTable && normalized.has(field) ? normalized.get(field) : Cases.objectOrEmpty(c, field);
        }

        JsonNode twoWayResult() {
            return c.has("twoWayResult") ? doc("twoWayResult") : doc("modified");
        }

        String expectedError() {
            return c.path("expectedError").asText("");
        }

        /** Go: a YAML table's result counts when it is a non-empty map, a raw table's when its text is non-empty. */
        boolean hasResult() {
            return yamlTable ? c.path("result").size() > 0 : c.has("result");
        }

        boolean expectsConflict() {
            return c.has("expectThreeWayConflict")
                    ? c.get("expectThreeWayConflict").asBoolean()
                    : c.path("description").asText("").contains("conflict");
        }
    }

    private static String checkTwoWay(Inputs in) {
        JsonNode original = in.doc("original");
        JsonNode patch = StrategicMergePatch.createTwoWay(original, in.doc("modified"), in.schema);
        String failure = compare("two-way patch", in.doc("twoWay"), patch);
        return failure != null ? failure : checkApply("two-way ", original, patch, in.twoWayResult(), in.expectedError(),
                in.schema);
    }

    private static String checkThreeWay(Inputs in) {
        JsonNode original = in.doc("original");
        JsonNode modified = in.doc("modified");
        JsonNode current = in.doc("current");
        JsonNode patch;
        try {
            patch = StrategicMergePatch.createThreeWay(original, modified, current, in.schema, false);
            if (in.expectsConflict() || !in.hasResult()) {
                return "three-way: expected conflict did not occur, got " + patch;
            }
        } catch (ConflictException e) {
            if (!in.expectsConflict()) {
                return "three-way: unexpected conflict: " + e.getMessage();
            }
            if (!in.hasResult()) {
                return null;
            }
            patch = StrategicMergePatch.createThreeWay(original, modified, current, in.schema, true);
        }
        String failure = compare("three-way patch", in.doc("threeWay"), patch);
        return failure != null ? failure : checkApply("three-way ", current, patch, in.doc("result"), in.expectedError(),
                in.schema);
    }

    private static String checkApply(String what, JsonNode original, JsonNode patch, JsonNode expected,
                                     String expectedError, PatchMeta schema) {
        JsonNode result;
        try {
            result = StrategicMergePatch.apply(original, patch, schema);
        } catch (PatchException e) {
            if (!expectedError.isEmpty() && e.getMessage().contains(expectedError)) {
                return null;
            }
            return what + "apply: unexpected error: " + e.getMessage();
        }
        if (!expectedError.isEmpty()) {
            return what + "apply: expected an error containing \"" + expectedError + "\", got " + result;
        }
        return compare(what + "result", expected, result);
    }

    private static String checkNumberConversion(JsonNode c, PatchMeta schema) {
        JsonNode old = Cases.objectOrEmpty(c, "old");
        JsonNode patch = StrategicMergePatch.createTwoWay(old, Cases.objectOrEmpty(c, "new"), schema);
        String failure = compare("patch", Cases.objectOrEmpty(c, "expectedPatch"), patch);
        return failure != null ? failure
                : compare("result", Cases.objectOrEmpty(c, "expectedResult"), StrategicMergePatch.apply(old, patch, schema));
    }

    /** Either outcome passes where the case gives both an expected error and expected values. */
    private static String checkUnknownField(JsonNode c, PatchMeta schema) {
        JsonNode original = Cases.objectOrEmpty(c, "original");
        JsonNode current = Cases.objectOrEmpty(c, "current");
        JsonNode modified = Cases.objectOrEmpty(c, "modified");
        String twoWay = unknownFieldStep("two-way", c, "TwoWay", original,
                () -> StrategicMergePatch.createTwoWay(original, modified, schema), schema);
        if (twoWay != null) {
            return twoWay;
        }
        return unknownFieldStep("three-way", c, "ThreeWay", current,
                () -> StrategicMergePatch.createThreeWay(original, modified, current, schema, false), schema);
    }

    private static String unknownFieldStep(String what, JsonNode c, String suffix, JsonNode base,
                                           Supplier<JsonNode> create, PatchMeta schema) {
        String expectedError = c.path("expected" + suffix + "Err").asText("");
        JsonNode patch;
        try {
            patch = create.get();
        } catch (PatchException e) {
            if (expectedError.isEmpty()) {
                return what + ": unexpected error: " + e.getMessage();
            }
            return e.getMessage().contains(expectedError) ? null
                    : what + ": expected an error containing \"" + expectedError + "\", got " + e.getMessage();
        }
        if (!c.has("expected" + suffix)) {
            return what + ": expected an error containing \"" + expectedError + "\", got patch " + patch;
        }
        String failure = compare(what + " patch", c.get("expected" + suffix), patch);
        return failure != null ? failure
                : compare(what + " result", c.get("expected" + suffix + "Result"), StrategicMergePatch.apply(base, patch, schema));
    }

    private static String compare(String what, JsonNode expected, JsonNode actual) {
        return JsonValues.equal(expected, actual) ? null : what + ": expected " + expected + ", got " + actual;
    }
}
