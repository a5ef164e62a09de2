package dev.jctl.diff.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every conformance fixture: the shared test data (the public JSON Patch suite and the apimachinery
 * tables) and, when {@code JCTL_CONFORMANCE_DIR} names a folder, every fixture below it. Prints one line per
 * folder, {@code conformance <folder>: N passed, N failed, N skipped}, then each failure and skip reason.
 * Fixtures are recognised by content; runners come from {@link ServiceLoader}.
 */
class ConformanceTest {
    /** Subfolders the shared test data must have; without the check a lost folder would shrink the suite unseen. */
    private static final List<String> SHARED_FOLDERS =
            List.of("strategic-merge-patch", "json-merge-patch", "json-patch");

    private final List<FixtureRunner> runners = ServiceLoader.load(FixtureRunner.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    @Test
    void everyFixturePasses() throws IOException {
        Path shared = sharedTestData();
        List<String> problems = new ArrayList<>(runRoot(shared, SHARED_FOLDERS));
        String extra = System.getenv("JCTL_CONFORMANCE_DIR");
        if (extra != null && !extra.isBlank()) {
            Path root = Paths.get(extra);
            if (!Files.isDirectory(root)) {
                fail("JCTL_CONFORMANCE_DIR=" + extra + " is not a folder");
            }
            problems.addAll(runRoot(root, List.of()));
        }
        assertTrue(problems.isEmpty(), () -> "conformance failures:\n" + String.join("\n", problems));
    }

    /**
     * Runs the fixtures below {@code root}, folder by folder; returns what went wrong. Each of
     * {@code requiredFolders} gets its line even when it holds no fixture, and so fails for running no case.
     */
    private List<String> runRoot(Path root, List<String> requiredFolders) throws IOException {
        Map<Path, Tally> folders = new TreeMap<>();
        requiredFolders.forEach(folder -> folders.put(root.resolve(folder), new Tally()));
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> candidates = files.filter(file -> Files.isRegularFile(file) && !isHidden(root, file))
                    .sorted().toList();
            for (Path file : candidates) {
                Optional<Tally> tally = runFile(file);
                tally.ifPresent(t -> folders.computeIfAbsent(file.getParent(), folder -> new Tally()).add(t));
            }
        }
        if (folders.isEmpty()) {
            folders.put(root, new Tally());
        }
        List<String> problems = new ArrayList<>();
        folders.forEach((folder, tally) -> {
            if (tally.passed() + tally.failures().size() == 0) {
                tally.fail(folder.toString(), "no case was run");
            }
            System.out.println("conformance " + folder + ": " + tally.passed() + " passed, "
                    + tally.failures().size() + " failed, " + tally.skips().size() + " skipped");
            tally.failures().forEach(failure -> System.out.println("  failed: " + failure));
            tally.skips().forEach(skip -> System.out.println("  skipped: " + skip));
            tally.failures().forEach(failure -> problems.add(folder + ": " + failure));
        });
        return problems;
    }

    /** Dot files and folders (.git, editor state) are never fixtures and can be large. */
    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The tally of one file, or empty when the file is not a fixture. */
    private Optional<Tally> runFile(Path file) {
        Tally tally = new Tally();
        Optional<JsonNode> parsed;
        try {
            parsed = FixtureFiles.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (parsed.isEmpty()) {
            if (!FixtureFiles.isDataFileName(file)) {
                return Optional.empty();
            }
            tally.fail(file.getFileName().toString(), "cannot be parsed as JSON or YAML");
            return Optional.of(tally);
        }
        JsonNode fixture = parsed.get();
        List<FixtureRunner> accepting = runners.stream().filter(runner -> runner.accepts(fixture)).toList();
        if (accepting.isEmpty()) {
            if (!FixtureFiles.looksLikeFixture(fixture)) {
                return Optional.empty();
            }
            tally.fail(file.getFileName().toString(), "no runner accepts this fixture"
                    + (fixture.has("goVariable") ? " (goVariable " + fixture.get("goVariable").asText() + ")" : ""));
            return Optional.of(tally);
        }
        if (accepting.size() > 1) {
            tally.fail(file.getFileName().toString(), "accepted by several runners: " + accepting);
            return Optional.of(tally);
        }
        try {
            tally.add(accepting.get(0).run(fixture, file));
        } catch (RuntimeException e) {
            tally.fail(file.getFileName().toString(), "runner " + accepting.get(0).getClass().getSimpleName()
                    + " crashed: " + e);
        }
        return Optional.of(tally);
    }

    /**
     * The shared test data: system property {@code jctl.testdata} or environment variable
     * {@code JCTL_TESTDATA} when set, else the first {@code shared/testdata} found going up from the working
     * directory (Maven runs tests in the module folder, the data sits beside the repository).
     */
    private static Path sharedTestData() {
        String configured = System.getProperty("jctl.testdata", System.getenv("JCTL_TESTDATA"));
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured);
            assertTrue(Files.isDirectory(path), "test data folder " + configured + " does not exist");
            return path;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("no shared/testdata above " + Paths.get("").toAbsolutePath()
                + "; set -Djctl.testdata=DIR or JCTL_TESTDATA");
    }
}
