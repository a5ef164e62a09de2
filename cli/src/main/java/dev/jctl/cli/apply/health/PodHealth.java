package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A Pod is healthy when Ready (or Succeeded, for run-to-completion pods). A container stuck in a crash loop or on
 * an image it cannot pull fails at once, naming the reason the kubelet gives: waiting would only repeat it.
 */
final class PodHealth implements HealthRule {
    /** Waiting reasons that only change when the manifest (or the outside world) does. */
    private static final Set<String> STUCK = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "CreateContainerConfigError");

    @Override
    public Health evaluate(JsonNode pod, Function<Related, List<JsonNode>> related) {
        JsonNode status = pod.path("status");
        String phase = status.path("phase").asText("");
        if (phase.equals("Succeeded")) {
            return Health.ready("completed");
        }
        if (phase.equals("Failed")) {
            String why = String.join(": ", List.of(status.path("reason").asText(""), status.path("message").asText(""))
                    .stream().filter(s -> !s.isEmpty()).toList());
            return Health.failed("phase Failed" + (why.isEmpty() ? "" : ": " + why));
        }
        for (String list : List.of("initContainerStatuses", "containerStatuses")) {
            for (JsonNode container : status.path(list)) {
                JsonNode waiting = container.path("state").path("waiting");
                String reason = waiting.path("reason").asText("");
                if (STUCK.contains(reason)) {
                    String message = waiting.path("message").asText("");
                    return Health.failed("container " + container.path("name").asText() + ": " + reason
                            + (message.isEmpty() ? "" : ": " + message));
                }
            }
        }
        if (Fields.conditionTrue(pod, "Ready")) {
            return Health.ready("ready");
        }
        return Health.inProgress(phase.isEmpty() ? "not yet scheduled" : "phase " + phase + ", not ready");
    }
}
