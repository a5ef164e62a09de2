package dev.jctl.runtime.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns kube-apiserver prints for the common built-in kinds (pkg/printers/internalversion/printers.go);
 * every other kind gets NAME and AGE, like upstream's default table convertor; custom resources get their
 * printer columns.
 */
final class Printers {
    private static final Map<String, List<Column>> BY_KIND = Map.ofEntries(
            Map.entry("/Pod", List.of(Column.nameColumn(),
                    Column.of("Ready", "string", "The aggregate readiness state of this pod for accepting traffic.",
                            (o, now) -> PodCells.ready(o)),
                    Column.of("Status", "string", "The aggregate status of the containers in this pod.",
                            (o, now) -> PodCells.status(o)),
                    Column.of("Restarts", "string", "The number of times the containers in this pod have been"
                            + " restarted and when the last container in this pod has restarted.", PodCells::restarts),
                    Column.ageColumn(),
                    Column.wide("IP", "string", "IP address allocated to the pod.",
                            (o, now) -> Cells.text(o.path("status").path("podIP"), Cells.NONE)),
                    Column.wide("Node", "string", "Name of the Node this pod is running on.",
                            (o, now) -> Cells.text(o.path("spec").path("nodeName"), Cells.NONE)),
                    Column.wide("Nominated Node", "string", "Name of the Node this pod is nominated to run on.",
                            (o, now) -> Cells.text(o.path("status").path("nominatedNodeName"), Cells.NONE)),
                    Column.wide("Readiness Gates", "string", "The readiness gates of this pod.",
                            (o, now) -> PodCells.readinessGates(o)))),
            Map.entry("apps/Deployment", List.of(Column.nameColumn(),
                    Column.of("Ready", "string", "Number of the pod with ready state",
                            (o, now) -> status(o, "readyReplicas") + "/" + spec(o, "replicas")),
                    Column.of("Up-to-date", "integer", "Total number of non-terminated pods targeted by this"
                            + " deployment that have the desired template spec.", (o, now) -> status(o, "updatedReplicas")),
                    Column.of("Available", "integer", "Total number of available pods (ready for at least"
                            + " minReadySeconds) targeted by this deployment.", (o, now) -> status(o, "availableReplicas")),
                    Column.ageColumn(), containers(), images(), selector())),
            Map.entry("apps/ReplicaSet", replicaColumns()),
            Map.entry("/ReplicationController", replicaColumns()),
            Map.entry("apps/StatefulSet", List.of(Column.nameColumn(),
                    Column.of("Ready", "string", "Number of the pod with ready state",
                            (o, now) -> status(o, "readyReplicas") + "/" + spec(o, "replicas")),
                    Column.ageColumn(), containers(), images())),
            Map.entry("apps/DaemonSet", List.of(Column.nameColumn(),
                    Column.of("Desired", "integer", "The desired number of nodes that should be running the daemon"
                            + " pod.", (o, now) -> status(o, "desiredNumberScheduled")),
                    Column.of("Current", "integer", "The number of nodes that are running the daemon pod.",
                            (o, now) -> status(o, "currentNumberScheduled")),
                    Column.of("Ready", "integer", "The number of nodes that should be running the daemon pod and"
                            + " have one or more of the daemon pod running and ready.", (o, now) -> status(o, "numberReady")),
                    Column.of("Up-to-date", "integer", "The total number of nodes that are running updated daemon"
                            + " pod", (o, now) -> status(o, "updatedNumberScheduled")),
                    Column.of("Available", "integer", "The number of nodes that should be running the daemon pod"
                            + " and have one or more of the daemon pod running and available.",
                            (o, now) -> status(o, "numberAvailable")),
                    Column.of("Node Selector", "string", "NodeSelector is a selector which must be true for the"
                            + " pod to fit on a node.", (o, now) -> labels(o.path("spec").path("template").path("spec")
                            .path("nodeSelector"))),
                    Column.ageColumn(), containers(), images(), selector())),
            Map.entry("batch/Job", List.of(Column.nameColumn(),
                    Column.of("Status", "string", "Status of the job.", (o, now) -> JobCells.status(o)),
                    Column.of("Completions", "string", "The completion status of the job.",
                            (o, now) -> JobCells.completions(o)),
                    Column.of("Duration", "string", "Time required to complete the job.", JobCells::duration),
                    Column.ageColumn(), containers(), images(), selector())),
            Map.entry("batch/CronJob", List.of(Column.nameColumn(),
                    Column.of("Schedule", "string", "The schedule in Cron format.",
                            (o, now) -> o.path("spec").path("schedule").asText()),
                    Column.of("Timezone", "string", "The time zone for the given schedule.",
                            (o, now) -> Cells.text(o.path("spec").path("timeZone"), Cells.NONE)),
                    Column.of("Suspend", "boolean", "This flag tells the controller to suspend subsequent"
                            + " executions.", (o, now) -> o.path("spec").path("suspend").asBoolean(false)),
                    Column.of("Active", "integer", "A list of pointers to currently running jobs.",
                            (o, now) -> Cells.count(o.path("status").path("active"))),
                    Column.of("Last Schedule", "string", "Information when was the last time the job was"
                            + " successfully scheduled.", (o, now) -> o.path("status").has("lastScheduleTime")
                            ? Cells.age(o.path("status").path("lastScheduleTime"), now) : Cells.NONE),
                    Column.ageColumn(),
                    Column.wide("Containers", "string", "Names of each container in the template.",
                            (o, now) -> Cells.containerNames(jobPodSpec(o))),
                    Column.wide("Images", "string", "Images referenced by each container in the template.",
                            (o, now) -> Cells.containerImages(jobPodSpec(o))),
                    Column.wide("Selector", "string", "A label query over pods that should match the pod count.",
                            (o, now) -> Cells.selector(o.path("spec").path("jobTemplate").path("spec")
                                    .path("selector"))))),
            Map.entry("/Service", List.of(Column.nameColumn(),
                    Column.of("Type", "string", "The type of the service.",
                            (o, now) -> Cells.text(o.path("spec").path("type"), "ClusterIP")),
                    Column.of("Cluster-IP", "string", "The cluster IP address of the service.",
                            (o, now) -> Cells.text(o.path("spec").path("clusterIP"), Cells.NONE)),
                    Column.of("External-IP", "string", "The external IP address of the service.",
                            (o, now) -> ServiceCells.externalIp(o)),
                    Column.of("Port(s)", "string", "The ports of the service.", (o, now) -> ServiceCells.ports(o)),
                    Column.ageColumn(),
                    Column.wide("Selector", "string", "Route service traffic to pods with label keys and values"
                            + " matching this selector.", (o, now) -> labels(o.path("spec").path("selector"))))),
            Map.entry("/ConfigMap", List.of(Column.nameColumn(),
                    Column.of("Data", "integer", "Number of data entries.",
                            (o, now) -> Cells.count(o.path("data")) + Cells.count(o.path("binaryData"))),
                    Column.ageColumn())),
            Map.entry("/Secret", List.of(Column.nameColumn(),
                    Column.of("Type", "string", "The type of the secret", (o, now) -> o.path("type").asText("")),
                    Column.of("Data", "integer", "The number of entries in the secret",
                            (o, now) -> Cells.count(o.path("data"))),
                    Column.ageColumn())),
            Map.entry("/ServiceAccount", List.of(Column.nameColumn(),
                    Column.of("Secrets", "integer", "The number of secrets.",
                            (o, now) -> Cells.count(o.path("secrets"))),
                    Column.ageColumn())),
            Map.entry("/Namespace", List.of(Column.nameColumn(),
                    Column.of("Status", "string", "The status of the namespace",
                            (o, now) -> Cells.text(o.path("status").path("phase"), "Active")),
                    Column.ageColumn())),
            Map.entry("/Node", List.of(Column.nameColumn(),
                    Column.of("Status", "string", "The status of the node", (o, now) -> NodeCells.status(o)),
                    Column.of("Roles", "string", "The roles of the node", (o, now) -> NodeCells.roles(o)),
                    Column.ageColumn(),
                    Column.of("Version", "string", "Kubelet Version reported by the node.",
                            (o, now) -> o.path("status").path("nodeInfo").path("kubeletVersion").asText("")),
                    Column.wide("Internal-IP", "string", "List of internal IPs for the node.",
                            (o, now) -> NodeCells.address(o, "InternalIP")),
                    Column.wide("External-IP", "string", "List of external IPs for the node.",
                            (o, now) -> NodeCells.address(o, "ExternalIP")),
                    Column.wide("OS-Image", "string", "OS image reported by the node.",
                            (o, now) -> Cells.text(o.path("status").path("nodeInfo").path("osImage"), "<unknown>")),
                    Column.wide("Kernel-Version", "string", "Kernel version reported by the node.",
                            (o, now) -> Cells.text(o.path("status").path("nodeInfo").path("kernelVersion"),
                                    "<unknown>")),
                    Column.wide("Container-Runtime", "string", "Container runtime and version reported by the"
                            + " node.", (o, now) -> Cells.text(o.path("status").path("nodeInfo")
                            .path("containerRuntimeVersion"), "<unknown>")))),
            Map.entry("/Event", List.of(
                    Column.of("Last Seen", "string", "Time when last event occurred.", EventCells::lastSeen),
                    Column.of("Type", "string", "Type of this event (Normal, Warning)",
                            (o, now) -> o.path("type").asText("")),
                    Column.of("Reason", "string", "Why the action was taken.",
                            (o, now) -> o.path("reason").asText("")),
                    Column.of("Object", "string", "The object that this event is about.",
                            (o, now) -> EventCells.object(o)),
                    Column.wide("Subobject", "string", "The subobject that this event is about.",
                            (o, now) -> o.path("involvedObject").path("fieldPath").asText("")),
                    Column.wide("Source", "string", "Component from which the event is generated.",
                            (o, now) -> EventCells.source(o)),
                    Column.of("Message", "string", "A human-readable description of the status of this"
                            + " operation.", (o, now) -> o.path("message").asText("")),
                    Column.wide("First Seen", "string", "Time when first event occurred.", EventCells::firstSeen),
                    Column.wide("Count", "string", "Number of times this event has occurred.",
                            (o, now) -> o.path("count").asText("1")),
                    Column.wide("Name", "string", "Name of the event.",
                            (o, now) -> o.path("metadata").path("name").asText()))),
            Map.entry("/Endpoints", List.of(Column.nameColumn(),
                    Column.of("Endpoints", "string", "Endpoints of the service.",
                            (o, now) -> ServiceCells.endpoints(o)),
                    Column.ageColumn())));

    private static final List<Column> DEFAULT = List.of(Column.nameColumn(), Column.ageColumn());

    private Printers() {
    }

    static List<Column> forKind(KindInfo kind) {
        if (kind.custom() != null) {
            return CustomColumns.of(kind.custom().printerColumns());
        }
        return BY_KIND.getOrDefault(kind.group() + "/" + kind.kind(), DEFAULT);
    }

    private static List<Column> replicaColumns() {
        return List.of(Column.nameColumn(),
                Column.of("Desired", "integer", "Replicas is the number of desired replicas.",
                        (o, now) -> spec(o, "replicas")),
                Column.of("Current", "integer", "Replicas is the most recently observed number of replicas.",
                        (o, now) -> status(o, "replicas")),
                Column.of("Ready", "integer", "The number of ready replicas for this replica set.",
                        (o, now) -> status(o, "readyReplicas")),
                Column.ageColumn(), containers(), images(), selector());
    }

    private static long status(JsonNode o, String field) {
        return o.path("status").path(field).asLong(0);
    }

    private static long spec(JsonNode o, String field) {
        return o.path("spec").path(field).asLong(1);
    }

    private static Column containers() {
        return Column.wide("Containers", "string", "Names of each container in the template.",
                (o, now) -> Cells.containerNames(o.path("spec").path("template").path("spec")));
    }

    private static Column images() {
        return Column.wide("Images", "string", "Images referenced by each container in the template.",
                (o, now) -> Cells.containerImages(o.path("spec").path("template").path("spec")));
    }

    private static Column selector() {
        return Column.wide("Selector", "string", "Label selector for pods.",
                (o, now) -> Cells.selector(o.path("spec").path("selector")));
    }

    private static JsonNode jobPodSpec(JsonNode cronJob) {
        return cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
    }

    /** A label map as "k=v,k2=v2", "&lt;none&gt;" when empty (labels.FormatLabels). */
    static String labels(JsonNode map) {
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            terms.add(e.getKey() + "=" + e.getValue().asText());
        }
        return terms.isEmpty() ? Cells.NONE : String.join(",", terms);
    }
}
