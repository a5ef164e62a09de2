package dev.jctl.diff.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Runs one conformance fixture file. A runner recognises its tables by the fields inside the parsed file
 * (for apimachinery tables the {@code goVariable} field), never by the file name.
 */
public interface FixtureRunner {

    /** Whether this runner understands the parsed fixture. */
    boolean accepts(JsonNode fixture);

    /** Runs every case of the fixture; {@code file} is where it was read from (for schemas beside it). */
    Tally run(JsonNode fixture, Path file);
}
