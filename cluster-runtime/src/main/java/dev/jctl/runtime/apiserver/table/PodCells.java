package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** The pod columns whose cells need logic: READY, STATUS and RESTARTS as printPod computes them. */
final class PodCells {
    private PodCells() {
    }

    static String ready(JsonNode pod) {
        long ready = 0;
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("ready").asBoolean(false) && status.path("state").has("running")) {
                ready++;
            }
        }
        return ready + "/" + pod.path("spec").path("containers").size();
    }

    static String status(JsonNode pod) {
        JsonNode status = pod.path("status");
        String reason = Cells.text(status.path("reason"), Cells.text(status.path("phase"), "Pending"));
        int initContainers = pod.path("spec").path("initContainers").size();
        int index = 0;
        boolean initializing = false;
        for (JsonNode init : status.path("initContainerStatuses")) {
            JsonNode state = init.path("state");
            if (state.path("terminated").path("exitCode").asInt(-1) == 0) {
                index++;
                continue;
            }
            if (state.has("terminated")) {
                reason = "Init:" + Cells.text(state.path("terminated").path("reason"),
                        "ExitCode:" + state.path("terminated").path("exitCode").asInt());
            } else if (state.has("waiting") && !state.path("waiting").path("reason").asText("PodInitializing")
                    .equals("PodInitializing")) {
                reason = "Init:" + state.path("waiting").path("reason").asText();
            } else {
                reason = "Init:" + index + "/" + initContainers;
            }
            initializing = true;
            break;
        }
        if (!initializing) {
            boolean running = false;
            for (JsonNode container : status.path("containerStatuses")) {
                JsonNode state = container.path("state");
                if (state.path("waiting").hasNonNull("reason")) {
                    reason = state.path("waiting").path("reason").asText();
                } else if (state.path("terminated").hasNonNull("reason")) {
                    reason = state.path("terminated").path("reason").asText();
                } else if (state.has("terminated")) {
                    JsonNode t = state.path("terminated");
                    reason = t.path("signal").asInt(0) != 0 ? "Signal:" + t.path("signal").asInt()
                            : "ExitCode:" + t.path("exitCode").asInt();
                } else if (container.path("ready").asBoolean(false) && state.has("running")) {
                    running = true;
                }
            }
            if (reason.equals("Completed") && running) {
                reason = "Running";
            }
        }
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            reason = "NodeLost".equals(status.path("reason").asText()) ? "Unknown" : "Terminating";
        }
        return reason;
    }

    static String restarts(JsonNode pod, Instant now) {
        long restarts = 0;
        Instant last = null;
        for (JsonNode container : pod.path("status").path("containerStatuses")) {
            restarts += container.path("restartCount").asLong(0);
            JsonNode finished = container.path("lastState").path("terminated").path("finishedAt");
            if (finished.isTextual()) {
                Instant at = Instant.parse(finished.asText());
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        return last == null || restarts == 0 ? Long.toString(restarts)
                : restarts + " (" + Cells.humanDuration(java.time.Duration.between(last, now)) + " ago)";
    }

    static String readinessGates(JsonNode pod) {
        JsonNode gates = pod.path("spec").path("readinessGates");
        if (gates.isEmpty()) {
            return Cells.NONE;
        }
        int ready = 0;
        for (JsonNode gate : gates) {
            for (JsonNode condition : pod.path("status").path("conditions")) {
                if (condition.path("type").asText().equals(gate.path("conditionType").asText())
                        && condition.path("status").asText().equals("True")) {
                    ready++;
                }
            }
        }
        return ready + "/" + gates.size();
    }
}
