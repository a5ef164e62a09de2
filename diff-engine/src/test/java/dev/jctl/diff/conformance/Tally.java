package dev.jctl.diff.conformance;

import java.util.ArrayList;
import java.util.List;

/** Counts of one or more fixture runs, with a message for every failure and the reason for every skip. */
public final class Tally {
    private int passed;
    private final List<String> failures = new ArrayList<>();
    private final List<String> skips = new ArrayList<>();

    public void pass() {
        passed++;
    }

    public void fail(String caseName, String why) {
        failures.add(caseName + ": " + why);
    }

    /** Only for cases the fixture marks Go-specific; the reason is printed. */
    public void skip(String caseName, String reason) {
        skips.add(caseName + ": " + reason);
    }

    public void add(Tally other) {
        passed += other.passed;
        failures.addAll(other.failures);
        skips.addAll(other.skips);
    }

    public int passed() {
        return passed;
    }

    public List<String> failures() {
        return failures;
    }

    public List<String> skips() {
        return skips;
    }
}
