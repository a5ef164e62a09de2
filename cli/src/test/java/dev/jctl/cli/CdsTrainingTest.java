package dev.jctl.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's archive training: every command it runs against the API server (a real child JVM) ends as it
 * should, so the archive holds the classes of a working apply and diff rather than of an early error.
 */
class CdsTrainingTest {
    @TempDir
    Path dir;

    @Test
    void everyTrainingCommandSucceedsAgainstAStartedApiServer() {
        assertDoesNotThrow(() -> CdsTraining.train(dir));
    }
}
