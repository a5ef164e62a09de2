package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** kubectl's CronJob describer, with its job template. */
final class CronJobDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode cronJob, PrefixWriter w) {
        JsonNode metadata = cronJob.path("metadata");
        JsonNode spec = cronJob.path("spec");
        JsonNode status = cronJob.path("status");
        List<JsonNode> events = context.eventsAbout(cronJob);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "Schedule:\t" + Text.str(spec.path("schedule")) + "\n");
        w.write(0, "Concurrency Policy:\t" + Text.str(spec.path("concurrencyPolicy")) + "\n");
        w.write(0, "Suspend:\t" + (Text.present(spec.path("suspend")) ? Text.bool(spec.path("suspend").asBoolean())
                : "<unset>") + "\n");
        w.write(0, "Successful Job History Limit:\t" + numberOrUnset(spec.path("successfulJobsHistoryLimit"), "")
                + "\n");
        w.write(0, "Failed Job History Limit:\t" + numberOrUnset(spec.path("failedJobsHistoryLimit"), "") + "\n");
        w.write(0, "Starting Deadline Seconds:\t" + numberOrUnset(spec.path("startingDeadlineSeconds"), "s") + "\n");
        jobTemplate(w, spec.path("jobTemplate").path("spec"));
        w.write(0, "Last Schedule Time:\t" + (Text.present(status.path("lastScheduleTime"))
                ? Text.timestamp(status.path("lastScheduleTime")) : "<unset>") + "\n");
        List<String> active = new ArrayList<>();
        status.path("active").forEach(job -> active.add(Text.str(job.path("name"))));
        w.write(0, "Active Jobs:\t");
        w.writeLine(active.isEmpty() ? "<none>" : String.join(", ", active));
        Sections.events(w, events);
    }

    private static String numberOrUnset(JsonNode node, String unit) {
        return Text.present(node) ? node.asLong() + unit : "<unset>";
    }

    private static void jobTemplate(PrefixWriter w, JsonNode spec) {
        w.write(0, "Selector:\t" + (Text.present(spec.path("selector")) ? Text.selector(spec.path("selector"))
                : "<unset>") + "\n");
        w.write(0, "Parallelism:\t" + numberOrUnset(spec.path("parallelism"), "") + "\n");
        w.write(0, "Completions:\t" + numberOrUnset(spec.path("completions"), "") + "\n");
        if (Text.present(spec.path("activeDeadlineSeconds"))) {
            w.write(0, "Active Deadline Seconds:\t" + spec.path("activeDeadlineSeconds").asLong() + "s\n");
        }
        PodSections.podTemplate(w, spec.path("template"));
    }
}
