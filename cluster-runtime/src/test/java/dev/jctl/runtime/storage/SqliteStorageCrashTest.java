package dev.jctl.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose process is killed with SIGKILL mid-burst keeps every write it acknowledged. */
class SqliteStorageCrashTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 3_000;

    @TempDir
    Path dir;

    @Test
    void killDashNineLosesNoAcknowledgedWrite() throws Exception {
        Path db = dir.resolve("state.db");
        Path childErrors = dir.resolve("writer.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteStorageCrashWriter.class.getName(),
                db.toString(), "8")
                .redirectError(childErrors.toFile())
                .start();
        Map<String, Long> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String[] parts = line.split(" ");
                acknowledged.put(parts[0], Long.parseLong(parts[1]));
                if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
                    // kill(1) rather than destroyForcibly(), which would also close the pipe we drain below.
                    new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(),
                () -> "the writer must have been killed, not have failed: " + readQuietly(childErrors));
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);

        long highest = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        try (Storage storage = new SqliteStorage(db)) {
            acknowledged.forEach((key, revision) -> {
                KeyValue kv = storage.get(key);
                assertNotNull(kv, "acknowledged write lost: " + key);
                assertEquals(revision, kv.modRevision(), key);
            });
            assertTrue(storage.currentRevision() >= highest);
            assertTrue(storage.create("/registry/crash/after", new byte[0]).modRevision() > highest);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
