package dev.jctl.diff.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The strategic-merge-patch tables on their own, with every failure printed; and the runner can fail. */
class StrategicRunnerTest {

    @Test
    void everyStrategicMergePatchTablePasses() throws IOException {
        Path folder = testData().resolve("strategic-merge-patch");
        StrategicRunner runner = new StrategicRunner();
        List<String> failures = new ArrayList<>();
        int tables = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                JsonNode fixture = FixtureFiles.parse(file).orElse(null);
                if (fixture == null || !runner.accepts(fixture)) {
                    continue;
                }
                tables++;
                Tally tally = runner.run(fixture, file);
                System.out.println(file.getFileName() + ": " + tally.passed() + " passed, " + tally.failures().size()
                        + " failed, " + tally.skips().size() + " skipped");
                tally.failures().forEach(f -> System.out.println("  failed: " + f));
                failures.addAll(tally.failures());
            }
        }
        assertEquals(8, tables, "strategic-merge-patch tables found in " + folder);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void wrongExpectationsFail() throws IOException {
        Path file = testData().resolve("strategic-merge-patch").resolve("createStrategicMergePatchTestCaseData.yaml");
        JsonNode fixture = FixtureFiles.parse(file).orElseThrow();
        JsonNode firstCase = fixture.get("cases").get(0);
        ((ObjectNode) firstCase).putObject("threeWay").put("value", "not the patch");
        ((ObjectNode) fixture.get("cases").get(1)).put("expectThreeWayConflict", true);
        Tally tally = new StrategicRunner().run(fixture, file);
        assertEquals(2, tally.failures().size(), () -> String.join("\n", tally.failures()));
        assertTrue(tally.failures().get(0).contains("three-way patch: expected"), tally.failures().get(0));
        assertTrue(tally.failures().get(1).contains("expected conflict did not occur"), tally.failures().get(1));
    }

    private static Path testData() {
        String configured = System.getProperty("jctl.testdata", System.getenv("JCTL_TESTDATA"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/testdata above " + Paths.get("").toAbsolutePath());
    }
}
