package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.GoStrings;
import java.util.List;

/** kubectl's HorizontalPodAutoscaler (autoscaling/v2) describer: each metric as current / target, then replicas. */
final class HorizontalPodAutoscalerDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode hpa, PrefixWriter w) {
        JsonNode metadata = hpa.path("metadata");
        JsonNode spec = hpa.path("spec");
        JsonNode status = hpa.path("status");
        List<JsonNode> events = context.eventsAbout(hpa);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "CreationTimestamp:\t" + Text.timestamp(metadata.path("creationTimestamp")) + "\n");
        String targetKind = Text.str(spec.path("scaleTargetRef").path("kind"));
        w.write(0, "Reference:\t" + targetKind + "/" + Text.str(spec.path("scaleTargetRef").path("name")) + "\n");
        w.write(0, "Metrics:\t( current / target )\n");
        JsonNode metrics = spec.path("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            metric(w, metrics.get(i), status.path("currentMetrics").path(i));
        }
        JsonNode minReplicas = spec.path("minReplicas");
        w.write(0, "Min replicas:\t" + (Text.present(minReplicas) ? minReplicas.asText() : "<unset>") + "\n");
        w.write(0, "Max replicas:\t" + spec.path("maxReplicas").asLong(0) + "\n");
        JsonNode behavior = spec.path("behavior");
        if (Text.present(behavior)) {
            w.write(0, "Behavior:\n");
            direction(w, "Scale Up", behavior.path("scaleUp"));
            direction(w, "Scale Down", behavior.path("scaleDown"));
        }
        w.write(0, targetKind + " pods:\t");
        w.write(0, status.path("currentReplicas").asLong(0) + " current / " + status.path("desiredReplicas").asLong(0)
                + " desired\n");
        JsonNode conditions = status.path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n");
            w.write(1, "Type\tStatus\tReason\tMessage\n");
            w.write(1, "----\t------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(1, Text.str(c.path("type")) + "\t" + Text.str(c.path("status")) + "\t"
                        + Text.str(c.path("reason")) + "\t" + Text.str(c.path("message")) + "\n");
            }
        }
        Sections.events(w, events);
    }

    /** One metric; {@code current} is the status metric at the same index (missing when there is none). */
    private static void metric(PrefixWriter w, JsonNode metric, JsonNode current) {
        String type = Text.str(metric.path("type"));
        switch (type) {
            case "External" -> {
                JsonNode source = metric.path("external");
                JsonNode target = source.path("target");
                JsonNode now = current.path("external");
                boolean average = Text.present(target.path("averageValue"));
                String field = average ? "averageValue" : "value";
                w.write(1, GoStrings.quote(Text.str(source.path("metric").path("name")))
                        + (average ? " (target average value):\t" : " (target value):\t")
                        + (Text.present(now) ? quantity(now.path("current").path(field)) : "<unknown>") + " / "
                        + quantity(target.path(field)) + "\n");
            }
            case "Pods" -> {
                JsonNode source = metric.path("pods");
                JsonNode now = current.path("pods");
                w.write(1, GoStrings.quote(Text.str(source.path("metric").path("name"))) + " on pods:\t"
                        + (Text.present(now) ? quantity(now.path("current").path("averageValue")) : "<unknown>")
                        + " / " + quantity(source.path("target").path("averageValue")) + "\n");
            }
            case "Object" -> {
                JsonNode source = metric.path("object");
                JsonNode target = source.path("target");
                JsonNode now = current.path("object");
                boolean average = "AverageValue".equals(Text.str(target.path("type")));
                String field = average ? "averageValue" : "value";
                w.write(1, "\"" + Text.str(source.path("metric").path("name")) + "\" on "
                        + Text.str(source.path("describedObject").path("kind")) + "/"
                        + Text.str(source.path("describedObject").path("name")) + " ");
                w.write(0, (average ? "(target average value):\t" : "(target value):\t")
                        + (Text.present(now) ? quantity(now.path("current").path(field)) : "<unknown>") + " / "
                        + quantity(target.path(field)) + "\n");
            }
            case "Resource" -> {
                JsonNode source = metric.path("resource");
                w.write(1, "resource " + Text.str(source.path("name")) + " on pods");
                resourceTarget(w, source.path("target"), current.path("resource"));
            }
            case "ContainerResource" -> {
                JsonNode source = metric.path("containerResource");
                w.write(1, "resource " + Text.str(source.path("name")) + " of container \""
                        + Text.str(source.path("container")) + "\" on pods");
                resourceTarget(w, source.path("target"), current.path("containerResource"));
            }
            default -> w.write(1, "<unknown metric type " + GoStrings.quote(type) + ">\n");
        }
    }

    /** The rest of a resource metric's line: an average value, or a utilization below it. */
    private static void resourceTarget(PrefixWriter w, JsonNode target, JsonNode now) {
        if (Text.present(target.path("averageValue"))) {
            w.write(0, ":\t" + (Text.present(now) ? quantity(now.path("current").path("averageValue")) : "<unknown>")
                    + " / " + quantity(target.path("averageValue")) + "\n");
            return;
        }
        String current = "<unknown>";
        JsonNode utilization = now.path("current").path("averageUtilization");
        if (Text.present(utilization)) {
            current = utilization.asLong() + "% (" + quantity(now.path("current").path("averageValue")) + ")";
        }
        JsonNode targetUtilization = target.path("averageUtilization");
        String wanted = Text.present(targetUtilization) ? targetUtilization.asLong() + "%" : "<auto>";
        w.write(1, "(as a percentage of request):\t" + current + " / " + wanted + "\n");
    }

    /** A quantity pointer as Go prints it: {@code <nil>} when unset. */
    private static String quantity(JsonNode node) {
        return Text.present(node) ? Quantity.of(node).toString() : "<nil>";
    }

    private static void direction(PrefixWriter w, String direction, JsonNode rules) {
        if (!Text.present(rules)) {
            return;
        }
        w.write(1, direction + ":\n");
        if (Text.present(rules.path("stabilizationWindowSeconds"))) {
            w.write(2, "Stabilization Window: " + rules.path("stabilizationWindowSeconds").asLong() + " seconds\n");
        }
        if (!rules.path("policies").isEmpty()) {
            w.write(2, "Select Policy: " + (Text.present(rules.path("selectPolicy"))
                    ? rules.path("selectPolicy").asText() : "Max") + "\n");
            w.write(2, "Policies:\n");
            for (JsonNode policy : rules.path("policies")) {
                w.write(3, "- Type: " + Text.str(policy.path("type")) + "\tValue: " + policy.path("value").asLong(0)
                        + "\tPeriod: " + policy.path("periodSeconds").asLong(0) + " seconds\n");
            }
        }
    }
}
