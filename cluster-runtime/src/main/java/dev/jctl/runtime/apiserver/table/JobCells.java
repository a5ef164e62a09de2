package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

/** Job STATUS, COMPLETIONS and DURATION as printJob computes them. */
final class JobCells {
    private JobCells() {
    }

    static String status(JsonNode job) {
        if (condition(job, "Complete")) {
            return "Complete";
        } else if (condition(job, "Failed")) {
            return "Failed";
        } else if (job.path("metadata").hasNonNull("deletionTimestamp")) {
            return "Terminating";
        } else if (condition(job, "Suspended")) {
            return "Suspended";
        } else if (condition(job, "FailureTarget")) {
            return "FailureTarget";
        } else if (condition(job, "SuccessCriteriaMet")) {
            return "SuccessCriteriaMet";
        }
        return "Running";
    }

    static String completions(JsonNode job) {
        long succeeded = job.path("status").path("succeeded").asLong(0);
        JsonNode completions = job.path("spec").path("completions");
        if (completions.isNumber()) {
            return succeeded + "/" + completions.asLong();
        }
        long parallelism = job.path("spec").path("parallelism").asLong(1);
        return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }

    static String duration(JsonNode job, Instant now) {
        JsonNode start = job.path("status").path("startTime");
        if (!start.isTextual()) {
            return "";
        }
        JsonNode done = job.path("status").path("completionTime");
        Instant end = done.isTextual() ? Instant.parse(done.asText()) : now;
        return Cells.humanDuration(Duration.between(Instant.parse(start.asText()), end));
    }

    private static boolean condition(JsonNode job, String type) {
        for (JsonNode c : job.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type) && c.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }
}
