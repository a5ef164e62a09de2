package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * describe side by side with the real kubectl against the project's API server: objects of every kind jctl has a
 * describer for (and a custom resource for the generic one) are made with kubectl, their status written through
 * the status subresource and events created through the API, as controllers would; then {@code kubectl describe}
 * and {@code jctl describe} must print the same, byte for byte, with the same exit code and errors.
 *
 * <p>Event times lie hours and days back, where their ages do not change during a run, so the Events tables need
 * no normalising; only the AGE column of a node's pods (seconds old) is.
 */
class DescribeCommandTest extends SideBySide {
    private static final String NS = "desc";
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @BeforeAll
    static void createObjects() {
        apply(resource("objects.yaml"));
        String deployment = uid("deployment", "web", NS);
        apply(resource("status.yaml").replace("DEPLOYMENT_UID", deployment));
        String replicaSet = uid("replicaset", "web-5d4f8b", NS);
        apply(resource("status.yaml").replace("DEPLOYMENT_UID", deployment).replace("REPLICASET_UID", replicaSet));
        apply(resource("widgets.yaml"));
        kubectlOk("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=60s");
        apply(resource("widget.yaml"));
        apply(resource("more-objects.yaml"));
        writeStatuses();
        writeMoreStatuses();
        createEvents(deployment);
    }

    private static void writeStatuses() {
        String time = "2026-01-02T03:04:05Z";
        status("deployment", "web", NS, """
                {"status":{"observedGeneration":1,"replicas":3,"updatedReplicas":2,"readyReplicas":2,
                "availableReplicas":2,"unavailableReplicas":1,"conditions":[
                {"type":"Available","status":"True","reason":"MinimumReplicasAvailable","message":"ok",
                "lastUpdateTime":"%1$s","lastTransitionTime":"%1$s"},
                {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"done",
                "lastUpdateTime":"%1$s","lastTransitionTime":"%1$s"}]}}""".formatted(time));
        status("replicaset", "web-5d4f8b", NS, """
                {"status":{"replicas":2,"readyReplicas":1,"conditions":[{"type":"ReplicaFailure","status":"True",
                "reason":"FailedCreate","message":"quota","lastTransitionTime":"%s"}]}}""".formatted(time));
        status("pod", "web-5d4f8b-abcde", NS, """
                {"status":{"phase":"Running","hostIP":"192.168.0.11","podIP":"10.244.1.5",
                "podIPs":[{"ip":"10.244.1.5"},{"ip":"fd00::5"}],"startTime":"%1$s",
                "conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}],
                "initContainerStatuses":[{"name":"sidecar","ready":true,"restartCount":0,"image":"envoy:1",
                "imageID":"docker.io/envoy@sha256:1","containerID":"containerd://s1",
                "state":{"running":{"startedAt":"%1$s"}}}],
                "containerStatuses":[{"name":"app","ready":true,"restartCount":2,"image":"nginx:1.24",
                "imageID":"docker.io/nginx@sha256:2","containerID":"containerd://c1",
                "state":{"running":{"startedAt":"%1$s"}},
                "lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled","message":"out of memory",
                "startedAt":"%1$s","finishedAt":"%1$s"}}}]}}""".formatted(time));
        status("pod", "web-5d4f8b-fghij", NS, """
                {"status":{"phase":"Pending","qosClass":"Burstable","reason":"Evicted","message":"low memory",
                "containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"nginx:1.24",
                "imageID":"","state":{"waiting":{"reason":"ContainerCreating"}}}]}}""");
        status("node", "worker-1", "", """
                {"status":{"capacity":{"cpu":"4","memory":"8145440Ki","pods":"110","ephemeral-storage":"100Gi",
                "hugepages-2Mi":"0","example.com/gpu":"2"},
                "allocatable":{"cpu":"3800m","memory":"7Gi","pods":"110","ephemeral-storage":"90Gi",
                "hugepages-2Mi":"0","example.com/gpu":"2"},
                "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"kubelet is ready",
                "lastHeartbeatTime":"%1$s","lastTransitionTime":"%1$s"},
                {"type":"MemoryPressure","status":"False","reason":"KubeletHasSufficientMemory",
                "message":"enough","lastHeartbeatTime":"%1$s","lastTransitionTime":"%1$s"}],
                "addresses":[{"type":"InternalIP","address":"192.168.0.11"},{"type":"Hostname","address":"worker-1"}],
                "nodeInfo":{"machineID":"m1","systemUUID":"u1","bootID":"b1","kernelVersion":"6.1.0",
                "osImage":"Debian GNU/Linux 12","operatingSystem":"linux","architecture":"amd64",
                "containerRuntimeVersion":"containerd://1.7","kubeletVersion":"v1.32.0",
                "kubeProxyVersion":"v1.32.0"}}}""".formatted(time));
        status("job", "once", NS, """
                {"status":{"startTime":"2026-01-02T03:04:05Z","completionTime":"2026-01-02T03:06:10Z",
                "succeeded":3,"ready":0,"completedIndexes":"0-2","conditions":[{"type":"Complete","status":"True",
                "lastProbeTime":"%1$s","lastTransitionTime":"%1$s"}]}}""".formatted(time));
        status("cronjob", "nightly", NS, """
                {"status":{"lastScheduleTime":"%s","active":[{"kind":"Job","name":"nightly-29000000",
                "namespace":"desc","apiVersion":"batch/v1"},{"kind":"Job","name":"nightly-29000060",
                "namespace":"desc","apiVersion":"batch/v1"}]}}""".formatted(time));
        status("ingress", "web", NS, """
                {"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.5"},{"hostname":"lb.example.com"}]}}}""");
        status("pvc", "data", NS, """
                {"status":{"phase":"Bound","accessModes":["ReadWriteOnce","ReadWriteOncePod"],
                "capacity":{"storage":"1Gi"},"conditions":[{"type":"Resizing","status":"True",
                "lastTransitionTime":"%s"}]}}""".formatted(time));
        status("statefulset", "db", NS, "{\"status\":{\"replicas\":2,\"readyReplicas\":1}}");
        status("daemonset", "agent", NS, """
                {"status":{"desiredNumberScheduled":2,"currentNumberScheduled":2,"updatedNumberScheduled":1,
                "numberAvailable":1,"numberMisscheduled":0,"numberReady":1}}""");
    }

    /** The status of the kinds added to kubectl's describers later (more-objects.yaml). */
    private static void writeMoreStatuses() {
        String time = "2026-01-02T03:04:05Z";
        // used in other formats than hard: kubectl shows it in the hard limit's
        status("resourcequota", "scoped", NS, """
                {"status":{"hard":{"pods":"4","limits.memory":"1Gi","requests.storage":"10Gi"},
                "used":{"pods":"1","limits.memory":"512M","requests.storage":"1500Mi"}}}""");
        status("pv", "pv-local", "", "{\"status\":{\"phase\":\"Bound\",\"message\":\"bound to desc/data\"}}");
        status("hpa", "web", NS, """
                {"status":{"currentReplicas":3,"desiredReplicas":4,"currentMetrics":[
                {"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":75,"averageValue":"150m"}}},
                {"type":"Resource","resource":{"name":"memory","current":{"averageValue":"420Mi"}}},
                {"type":"Pods","pods":{"metric":{"name":"packets-per-second"},"current":{"averageValue":"900"}}}],
                "conditions":[{"type":"AbleToScale","status":"True","reason":"ReadyForNewScale",
                "message":"recommended size matches current size","lastTransitionTime":"%1$s"},
                {"type":"ScalingActive","status":"False","reason":"FailedGetExternalMetric","message":"no metrics",
                "lastTransitionTime":"%1$s"}]}}""".formatted(time));
        status("pdb", "web", NS, """
                {"status":{"disruptionsAllowed":1,"currentHealthy":3,"desiredHealthy":2,"expectedPods":3,
                "observedGeneration":1}}""");
        status("rc", "legacy", NS, """
                {"status":{"replicas":2,"readyReplicas":1,"conditions":[{"type":"ReplicaFailure","status":"True",
                "reason":"FailedCreate","message":"quota"}]}}""");
    }

    /** Events as controllers and the kubelet post them, about objects of several kinds. */
    private static void createEvents(String deploymentUid) {
        Instant now = Instant.now();
        String first = now.minus(Duration.ofDays(10).plusHours(12)).toString();
        String recent = now.minus(Duration.ofHours(20).plusMinutes(30)).toString();
        String older = now.minus(Duration.ofHours(30).plusMinutes(30)).toString();
        StringBuilder events = new StringBuilder();
        events.append(event("web.1", NS, "apps/v1", "Deployment", "web", NS, deploymentUid, "Normal",
                "ScalingReplicaSet", "Scaled up replica set web-5d4f8b to 3", first, recent, 4));
        events.append(event("web.2", NS, "apps/v1", "Deployment", "web", NS, deploymentUid, "Warning",
                "FailedCreate", "  quota exceeded  ", older, older, 1));
        events.append(event("pod.1", NS, "v1", "Pod", "web-5d4f8b-abcde", NS,
                uid("pod", "web-5d4f8b-abcde", NS), "Normal", "Pulled", "Container image \"nginx:1.24\" already "
                        + "present on machine", first, recent, 1));
        String nodeUid = uid("node", "worker-1", "");
        events.append(event("worker-1.1", "default", "v1", "Node", "worker-1", "", nodeUid, "Normal",
                "RegisteredNode", "Node worker-1 event: Registered Node worker-1 in Controller", older, older, 1));
        events.append(event("worker-1.2", "default", "v1", "Node", "worker-1", "", "worker-1", "Normal",
                "NodeReady", "Node worker-1 status is now: NodeReady", first, recent, 2));
        events.append(event("gear.1", NS, "example.com/v1", "Widget", "gear", NS, uid("widget", "gear", NS),
                "Normal", "Synced", "Widget synced", first, older, 1));
        events.append(event("cfg.1", NS, "v1", "ConfigMap", "cfg", NS, uid("configmap", "cfg", NS), "Normal",
                "Loaded", "loaded", older, older, 1));
        events.append(event("hpa.1", NS, "autoscaling/v2", "HorizontalPodAutoscaler", "web", NS,
                uid("hpa", "web", NS), "Normal", "SuccessfulRescale", "New size: 4; reason: cpu resource utilization "
                        + "(percentage of request) above target", first, recent, 3));
        events.append(event("pv-local.1", "default", "v1", "PersistentVolume", "pv-local", "",
                uid("pv", "pv-local", ""), "Warning", "VolumeFailedRecycle", "recycler failed", older, older, 1));
        events.append(event("nightly.1", NS, "batch/v1", "CronJob", "nightly", NS, uid("cronjob", "nightly", NS),
                "Normal", "SuccessfulCreate", "Created job nightly-29000000", first, recent, 1));
        // An events.k8s.io-style event: eventTime and the reporting controller instead of source and timestamps.
        events.append("""
                apiVersion: v1
                kind: Event
                metadata: {name: web.3, namespace: desc}
                involvedObject: {apiVersion: apps/v1, kind: Deployment, name: web, namespace: desc, uid: %s}
                type: Normal
                reason: Reconciled
                message: reconciled by the operator
                eventTime: "%s"
                reportingComponent: example.com/operator
                reportingInstance: operator-1
                action: Reconcile
                ---
                """.formatted(deploymentUid, MICRO_TIME.format(now.minus(Duration.ofHours(40)))));
        apply(events.toString());
    }

    private static String event(String name, String namespace, String apiVersion, String kind, String object,
                                String objectNamespace, String uid, String type, String reason, String message,
                                String first, String last, int count) {
        return """
                apiVersion: v1
                kind: Event
                metadata: {name: %s, namespace: %s}
                involvedObject: {apiVersion: %s, kind: %s, name: %s, namespace: "%s", uid: "%s"}
                type: %s
                reason: %s
                message: "%s"
                source: {component: %s}
                firstTimestamp: "%s"
                lastTimestamp: "%s"
                count: %d
                ---
                """.formatted(name, namespace, apiVersion, kind, object, objectNamespace, uid, type, reason,
                message.replace("\"", "\\\""), kind.toLowerCase() + "-controller", first, last, count);
    }

    @Test
    void everyKindDescribesAsKubectlDoes() {
        for (String object : List.of("deployment/web", "replicaset/web-5d4f8b", "pod/web-5d4f8b-abcde",
                "pod/web-5d4f8b-fghij", "pod/solo", "service/web", "service/np", "configmap/cfg", "secret/sec",
                "serviceaccount/robot", "persistentvolumeclaim/data", "statefulset/db", "daemonset/agent",
                "job/once", "cronjob/nightly", "ingress/web", "namespace/desc", "widget/gear")) {
            assertSame("describe", object, "-n", NS);
        }
        assertSame("describe", "node", "worker-1");
        assertSame("describe", "node", "worker-2");
    }

    /** The kinds whose describers came later: quotas, storage, networking, autoscaling, RBAC and more. */
    @Test
    void moreKindsDescribeAsKubectlDoes() {
        for (String object : List.of("resourcequota/scoped", "resourcequota/q1", "limitrange/sizes", "limitrange/lr",
                "endpoints/api", "endpointslice/api-abc", "endpointslice/empty-slice", "hpa/web", "hpa/bare",
                "pdb/web", "pdb/db", "networkpolicy/web", "networkpolicy/deny-all", "networkpolicy/deny-egress",
                "role/reader", "rolebinding/read-pods", "replicationcontroller/legacy")) {
            assertSame("describe", object, "-n", NS);
        }
        for (String object : List.of("pv/pv-local", "pv/pv-csi", "pv/pv-nfs", "clusterrole/desc-viewer",
                "clusterrolebinding/desc-viewers", "storageclass/fast", "storageclass/slow", "ingressclass/nginx",
                "ingressclass/plain")) {
            assertSame("describe", object);
        }
        assertSame("describe", "pv");
        assertSame("describe", "netpol", "-n", NS);
    }

    @Test
    void shortNamesListsSelectorsAndPrefixes() {
        assertSame("describe", "deploy", "-n", NS);
        assertSame("describe", "po", "-n", NS, "-l", "app=web");
        assertSame("describe", "svc", "-A", "-l", "app=web");
        assertSame("describe", "cm", "cf", "-n", NS);
        assertSame("describe", "po", "web-5d4f8b", "-n", NS);
        assertSame("describe", "wd", "-n", NS, "--show-events=false");
        assertSame("describe", "deploy", "web", "-n", NS, "--show-events=false");
        assertSame("describe", "po", "-n", NS, "--chunk-size=1");
    }

    @Test
    void errorsAreKubectls() {
        assertSame("describe", "deploy", "nope", "-n", NS);
        assertSame("describe", "deploy", "nope", "web", "gone", "-n", NS);
        assertSame("describe", "deploy/nope", "-n", NS);
        assertSame("describe", "deploy", "-n", "empty-namespace");
        assertSame("describe", "deploy", "-A", "-l", "no=match");
        assertSame("describe", "gizmos");
        assertSame("describe", "deploy", "web", "-l", "app=web", "-n", NS);
    }

    @Test
    void describesTheObjectsOfAManifest() throws IOException {
        Path file = dir.resolve("describe-manifest.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg, namespace: desc}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: sec, namespace: desc}
                """);
        assertSame("describe", "-f", file.toString());
    }

    /** kubectl and jctl run the same arguments; stdout, stderr and exit code must be identical. */
    private void assertSame(String... args) {
        CommandRun expected = kubectl().run(dir, List.of(args));
        CommandRun actual = jctl().run(List.of(args));
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), "exit code of " + List.of(args) + "\n" + both);
        assertEquals(withoutPodAges(expected.out()), withoutPodAges(actual.out()),
                "stdout of " + List.of(args) + "\n" + both);
        assertEquals(expected.err(), actual.err(), "stderr of " + List.of(args) + "\n" + both);
        assertTrue(expected.exit() != 0 || !expected.out().isEmpty() || !expected.err().isEmpty(), both);
    }

    /** The last column of a node's pod table: the pods' ages, seconds that pass between the two runs. */
    private static String withoutPodAges(String text) {
        return text.replaceAll("(?m)(\\(\\d+%\\)\\s+)\\d+s$", "$1AGE");
    }

    private static String resource(String name) {
        try (InputStream in = DescribeCommandTest.class.getResourceAsStream("/describe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void apply(String yaml) {
        try {
            Path file = Files.createTempFile(dir, "describe", ".yaml");
            Files.writeString(file, yaml);
            kubectlOk("apply", "-f", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void status(String type, String name, String namespace, String patch) {
        List<String> args = new ArrayList<>(List.of("patch", type, name, "--subresource=status", "--type=merge",
                "-p", patch.replace("\n", "")));
        if (!namespace.isEmpty()) {
            args.addAll(List.of("-n", namespace));
        }
        kubectlOk(args.toArray(String[]::new));
    }

    private static String uid(String type, String name, String namespace) {
        List<String> args = new ArrayList<>(List.of("get", type, name, "-o", "jsonpath={.metadata.uid}"));
        if (!namespace.isEmpty()) {
            args.addAll(List.of("-n", namespace));
        }
        return kubectlOk(args.toArray(String[]::new));
    }

    private static String kubectlOk(String... args) {
        CommandRun run = kubectl().run(dir, List.of(args));
        assertEquals(0, run.exit(), run.describe());
        return run.out();
    }
}
