package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** kubectl's {@code getPodStatusForController}: the phases of the pods a controller owns. */
record ControllerPods(int running, int waiting, int succeeded, int failed) {

    /** Pods matching the controller's selector whose controller owner is the object itself. */
    static ControllerPods of(DescribeContext context, JsonNode controller, String selector) {
        JsonNode metadata = controller.path("metadata");
        String uid = metadata.path("uid").asText();
        int running = 0;
        int waiting = 0;
        int succeeded = 0;
        int failed = 0;
        for (JsonNode pod : context.list("/api/v1/namespaces/" + metadata.path("namespace").asText() + "/pods",
                selector, null)) {
            if (!uid.equals(Text.controllerUid(pod))) {
                continue;
            }
            switch (Text.str(pod.path("status").path("phase"))) {
                case "Running" -> running++;
                case "Pending" -> waiting++;
                case "Succeeded" -> succeeded++;
                case "Failed" -> failed++;
                default -> { }
            }
        }
        return new ControllerPods(running, waiting, succeeded, failed);
    }

    @Override
    public String toString() {
        return running + " Running / " + waiting + " Waiting / " + succeeded + " Succeeded / " + failed + " Failed";
    }
}
