package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.get.HumanDuration;
import java.time.Duration;
import java.time.Instant;

/** kubectl's Job describer. */
final class JobDescriber implements KindDescriber {
    private static final int INDEXES_SOFT_LIMIT = 50;

    @Override
    public void describe(DescribeContext context, JsonNode job, PrefixWriter w) {
        JsonNode metadata = job.path("metadata");
        JsonNode spec = job.path("spec");
        JsonNode status = job.path("status");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        w.write(0, "Selector:\t" + Text.selector(spec.path("selector")) + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        String controller = Text.controller(job);
        if (!controller.isEmpty()) {
            w.write(0, "Controlled By:\t" + controller + "\n");
        }
        if (Text.present(spec.path("parallelism"))) {
            w.write(0, "Parallelism:\t" + spec.path("parallelism").asLong() + "\n");
        }
        w.write(0, "Completions:\t" + (Text.present(spec.path("completions"))
                ? String.valueOf(spec.path("completions").asLong()) : "<unset>") + "\n");
        if (Text.present(spec.path("completionMode"))) {
            w.write(0, "Completion Mode:\t" + spec.path("completionMode").asText() + "\n");
        }
        if (Text.present(spec.path("suspend"))) {
            w.write(0, "Suspend:\t" + spec.path("suspend").asBoolean() + "\n");
        }
        if (Text.present(spec.path("backoffLimit"))) {
            w.write(0, "Backoff Limit:\t" + spec.path("backoffLimit").asLong() + "\n");
        }
        if (Text.present(spec.path("ttlSecondsAfterFinished"))) {
            w.write(0, "TTL Seconds After Finished:\t" + spec.path("ttlSecondsAfterFinished").asLong() + "\n");
        }
        boolean started = Text.present(status.path("startTime"));
        boolean completed = Text.present(status.path("completionTime"));
        if (started) {
            w.write(0, "Start Time:\t" + Text.timestamp(status.path("startTime")) + "\n");
        }
        if (completed) {
            w.write(0, "Completed At:\t" + Text.timestamp(status.path("completionTime")) + "\n");
        }
        if (started && completed) {
            w.write(0, "Duration:\t" + HumanDuration.of(Duration.between(Instant.parse(status.path("startTime")
                    .asText()), Instant.parse(status.path("completionTime").asText()))) + "\n");
        }
        if (Text.present(spec.path("activeDeadlineSeconds"))) {
            w.write(0, "Active Deadline Seconds:\t" + spec.path("activeDeadlineSeconds").asLong() + "s\n");
        }
        String ready = Text.present(status.path("ready")) ? " (" + status.path("ready").asLong() + " Ready)" : "";
        w.write(0, "Pods Statuses:\t" + status.path("active").asLong(0) + " Active" + ready + " / "
                + status.path("succeeded").asLong(0) + " Succeeded / " + status.path("failed").asLong(0)
                + " Failed\n");
        if ("Indexed".equals(Text.str(spec.path("completionMode")))) {
            w.write(0, "Completed Indexes:\t" + indexes(Text.str(status.path("completedIndexes"))) + "\n");
        }
        PodSections.podTemplate(w, spec.path("template"));
        Sections.events(w, context.eventsAbout(job));
    }

    /** kubectl's {@code capIndexesListOrNone}: the list cut at the first comma after 50 characters. */
    private static String indexes(String indexes) {
        if (indexes.isEmpty()) {
            return "<none>";
        }
        int comma = indexes.indexOf(',', INDEXES_SOFT_LIMIT);
        return comma < 0 ? indexes : indexes.substring(0, comma + 1) + "...";
    }
}
