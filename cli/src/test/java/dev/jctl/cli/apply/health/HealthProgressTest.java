package dev.jctl.cli.apply.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jctl.cli.client.ApiResource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What --wait prints while it waits and after: plain lines for logs, a redrawn view for a terminal. */
class HealthProgressTest {
    private static final Waiter.Target WEB = new Waiter.Target(new ApiResource("apps", "v1", "Deployment",
            "deployments", "deployment", true, List.of("deploy"), List.of()), "ns", "web");
    private static final Waiter.Target MIGRATE = new Waiter.Target(new ApiResource("batch", "v1", "Job", "jobs",
            "job", true, List.of(), List.of()), "ns", "migrate");
    private static final Waiter.Target SETTINGS = new Waiter.Target(new ApiResource("", "v1", "ConfigMap",
            "configmaps", "configmap", true, List.of("cm"), List.of()), "ns", "settings");

    @Test
    void plainProgressPrintsOneLinePerChangeOfATrackedObject() {
        StringWriter text = new StringWriter();
        PlainProgress progress = new PlainProgress(new PrintWriter(text));
        progress.changed(SETTINGS, Health.untracked());
        progress.changed(WEB, Health.inProgress("0 out of 2 new replicas have been updated"));
        progress.changed(WEB, Health.inProgress("1 of 2 updated replicas are available"));
        progress.changed(MIGRATE, Health.failed("Job has reached the specified backoff limit (BackoffLimitExceeded)"));
        progress.changed(WEB, Health.ready("successfully rolled out"));
        progress.finished();
        assertEquals("""
                deployment.apps/web waiting: 0 out of 2 new replicas have been updated
                deployment.apps/web waiting: 1 of 2 updated replicas are available
                job.batch/migrate failed: Job has reached the specified backoff limit (BackoffLimitExceeded)
                deployment.apps/web ready: successfully rolled out
                """, text.toString());
    }

    @Test
    void liveProgressRedrawsAlignedRowsInPlaceAndErasesThemAtTheEnd() {
        StringWriter text = new StringWriter();
        LiveProgress progress = new LiveProgress(new PrintWriter(text));
        progress.changed(WEB, Health.inProgress("1 of 2 updated replicas are available"));
        progress.changed(MIGRATE, Health.inProgress("0 of 1 completions succeeded, 1 active"));
        progress.changed(WEB, Health.ready("successfully rolled out"));
        progress.finished();
        String up = "\u001b[%dF\u001b[J";
        assertEquals("deployment.apps/web  1 of 2 updated replicas are available\n"
                + up.formatted(1)
                + "deployment.apps/web  1 of 2 updated replicas are available\n"
                + "job.batch/migrate    0 of 1 completions succeeded, 1 active\n"
                + up.formatted(2)
                + "deployment.apps/web  ready\n"
                + "job.batch/migrate    0 of 1 completions succeeded, 1 active\n"
                + up.formatted(2), text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theLiveViewIsOnlyForATerminalOutsideCiAndGoesToItsOutput() {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        PrintWriter out = new PrintWriter(outText);
        PrintWriter err = new PrintWriter(errText);
        assertInstanceOf(PlainProgress.class, LiveProgress.choose(out, err, false, Map.of()));
        assertInstanceOf(PlainProgress.class, LiveProgress.choose(out, err, true, Map.of("CI", "true")));
        assertInstanceOf(PlainProgress.class, LiveProgress.choose(out, err, true, Map.of("TERM", "dumb")));
        assertInstanceOf(LiveProgress.class, LiveProgress.choose(out, err, true, Map.of("CI", "false")));
        Waiter.Progress live = LiveProgress.choose(out, err, true, Map.of("TERM", "xterm"));
        live.changed(WEB, Health.inProgress("1 of 2 updated replicas are available"));
        Waiter.Progress plain = LiveProgress.choose(out, err, false, Map.of("TERM", "xterm"));
        plain.changed(WEB, Health.ready("successfully rolled out"));
        assertEquals("deployment.apps/web  1 of 2 updated replicas are available\n", outText.toString());
        assertEquals("deployment.apps/web ready: successfully rolled out\n", errText.toString());
    }

    @Test
    void finalLinesNameEachObjectAndWhyItIsNotHealthy() {
        Map<Waiter.Target, Health> health = new LinkedHashMap<>();
        health.put(SETTINGS, Health.untracked());
        health.put(WEB, Health.inProgress("0 of 2 updated replicas are available"));
        health.put(MIGRATE, Health.ready("complete"));
        Waiter.Result timedOut = new Waiter.Result(health, true);
        assertEquals(List.of("job.batch/migrate condition met"), timedOut.readyLines());
        assertEquals(List.of("error: timed out waiting for the condition on deployments/web: "
                + "0 of 2 updated replicas are available"), timedOut.errorLines());

        health.put(MIGRATE, Health.failed("Job has reached the specified backoff limit (BackoffLimitExceeded)"));
        Waiter.Result failed = new Waiter.Result(health, false);
        assertEquals(List.of(
                "error: stopped waiting after a failure for deployments/web: 0 of 2 updated replicas are available",
                "error: jobs/migrate failed: Job has reached the specified backoff limit (BackoffLimitExceeded)"),
                failed.errorLines());
    }
}
