package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kubectl describe} of each everyday kind: besides the object it lists the object's events (a
 * fieldSelector on involvedObject) and reads related objects (a deployment's ReplicaSets, a node's pods and
 * Lease, a service's EndpointSlices, a namespace's quotas and limit ranges), so every line checked here comes from
 * a request the server must answer as kube-apiserver does.
 */
class KubectlDescribeTest extends KubectlAgainstCluster {
    /** describe's lines trimmed, with runs of blanks made one space. */
    private static List<String> describe(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "describe";
        System.arraycopy(args, 0, command, 1, args.length);
        return ok(command).out().lines().map(l -> l.trim().replaceAll("\\s+", " "))
                .toList();
    }

    private static void assertLines(List<String> actual, String... expected) {
        for (String line : expected) {
            assertTrue(actual.contains(line), () -> "no line \"" + line + "\" in\n" + String.join("\n", actual));
        }
    }

    private static void assertLineMatching(List<String> actual, String regex) {
        assertTrue(actual.stream().anyMatch(l -> l.matches(regex)),
                () -> "no line matching " + regex + " in\n" + String.join("\n", actual));
    }

    private static void apply(String name, String yaml) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        ok("apply", "-f", file.toString());
    }

    private static String uid(String... resource) {
        String[] args = new String[resource.length + 3];
        args[0] = "get";
        System.arraycopy(resource, 0, args, 1, resource.length);
        args[resource.length + 1] = "-o";
        args[resource.length + 2] = "jsonpath={.metadata.uid}";
        return ok(args).out().trim();
    }

    @Test
    void deploymentWithItsReplicaSetAndEvents() throws Exception {
        ok("create", "namespace", "dd1");
        ok("create", "deployment", "web", "-n", "dd1", "--image=nginx:1.27", "--replicas=2");
        String uid = uid("deployment", "web", "-n", "dd1");
        apply("web-rs", """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web-5d9c8
                  namespace: dd1
                  labels: {app: web, pod-template-hash: 5d9c8}
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: Deployment, name: web, uid: UID, controller: true}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web, pod-template-hash: 5d9c8}}
                  template:
                    metadata: {labels: {app: web, pod-template-hash: 5d9c8}}
                    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: web.1, namespace: dd1}
                involvedObject: {apiVersion: apps/v1, kind: Deployment, name: web, namespace: dd1, uid: UID}
                reason: ScalingReplicaSet
                message: Scaled up replica set web-5d9c8 to 2
                type: Normal
                source: {component: deployment-controller}
                firstTimestamp: "2026-01-01T00:00:00Z"
                lastTimestamp: "2026-01-01T00:00:00Z"
                count: 1
                """.replace("UID", uid));
        List<String> out = describe("deployment", "web", "-n", "dd1");
        assertLines(out, "Name: web", "Namespace: dd1", "Labels: app=web", "Selector: app=web",
                "Replicas: 2 desired | 0 updated | 0 total | 0 available | 0 unavailable",
                "StrategyType: RollingUpdate", "RollingUpdateStrategy: 25% max unavailable, 25% max surge",
                "Image: nginx:1.27", "OldReplicaSets: <none>", "NewReplicaSet: web-5d9c8 (0/2 replicas created)",
                "Events:", "Type Reason Age From Message");
        assertLineMatching(out,
                "Normal ScalingReplicaSet \\d+d deployment-controller Scaled up replica set web-5d9c8 to 2");
    }

    @Test
    void podWithItsEvents() throws Exception {
        ok("create", "namespace", "dd2");
        ok("run", "web", "-n", "dd2", "--image=nginx:1.27", "--labels=app=web");
        String uid = uid("pod", "web", "-n", "dd2");
        apply("web-event", """
                apiVersion: v1
                kind: Event
                metadata: {name: web.1, namespace: dd2}
                involvedObject: {apiVersion: v1, kind: Pod, name: web, namespace: dd2, uid: UID}
                reason: FailedScheduling
                message: no nodes available to schedule pods
                type: Warning
                source: {component: default-scheduler}
                firstTimestamp: "2026-01-01T00:00:00Z"
                lastTimestamp: "2026-01-02T00:00:00Z"
                count: 3
                ---
                apiVersion: events.k8s.io/v1
                kind: Event
                metadata: {name: web.2, namespace: dd2}
                regarding: {apiVersion: v1, kind: Pod, name: web, namespace: dd2, uid: UID}
                reason: Preempting
                note: reported through events.k8s.io
                type: Normal
                action: Preempt
                reportingController: default-scheduler
                reportingInstance: default-scheduler-node-1
                eventTime: "2026-01-03T00:00:00.000000Z"
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: other.1, namespace: dd2}
                involvedObject: {apiVersion: v1, kind: Pod, name: other, namespace: dd2, uid: other}
                reason: Pulled
                message: not about web
                type: Normal
                """.replace("UID", uid));
        List<String> out = describe("pod", "web", "-n", "dd2");
        assertLines(out, "Name: web", "Namespace: dd2", "Node: <none>", "Labels: app=web", "Status: Pending",
                "Containers:", "web:", "Image: nginx:1.27", "QoS Class: BestEffort");
        assertLineMatching(out, "Warning FailedScheduling \\d+d \\(x3 over \\d+d\\) default-scheduler"
                + " no nodes available to schedule pods");
        // kubectl lists core/v1 events: one written through events.k8s.io/v1 is there, converted
        assertLineMatching(out, "Normal Preempting \\d+d default-scheduler reported through events.k8s.io");
        assertTrue(out.stream().noneMatch(l -> l.contains("not about web")), String.join("\n", out));
    }

    @Test
    void serviceWithItsEndpointSlices() throws Exception {
        ok("create", "namespace", "dd3");
        ok("create", "service", "clusterip", "web", "-n", "dd3", "--tcp=80:8080");
        apply("web-slice", """
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: web-abcde
                  namespace: dd3
                  labels: {kubernetes.io/service-name: web}
                addressType: IPv4
                ports: [{name: 80-8080, port: 8080, protocol: TCP}]
                endpoints:
                - addresses: [10.244.0.7]
                  conditions: {ready: true}
                """);
        String clusterIp = ok("get", "svc", "web", "-n", "dd3", "-o", "jsonpath={.spec.clusterIP}").out().trim();
        List<String> out = describe("service", "web", "-n", "dd3");
        assertLines(out, "Name: web", "Namespace: dd3", "Selector: app=web", "Type: ClusterIP",
                "IP Family Policy: SingleStack", "IP Families: IPv4", "IP: " + clusterIp, "IPs: " + clusterIp,
                "Port: 80-8080 80/TCP", "TargetPort: 8080/TCP", "Endpoints: 10.244.0.7:8080",
                "Session Affinity: None", "Internal Traffic Policy: Cluster", "Events: <none>");
    }

    @Test
    void namespaceWithItsQuotaAndLimitRange() throws Exception {
        ok("create", "namespace", "dd4");
        ok("create", "quota", "small", "-n", "dd4", "--hard=pods=4,cpu=2");
        // what the resource quota controller would write
        ok("patch", "quota", "small", "-n", "dd4", "--subresource=status", "--type=merge", "-p",
                "{\"status\":{\"hard\":{\"cpu\":\"2\",\"pods\":\"4\"},\"used\":{\"cpu\":\"0\",\"pods\":\"1\"}}}");
        apply("limits", """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults, namespace: dd4}
                spec:
                  limits:
                  - type: Container
                    default: {cpu: 500m}
                    defaultRequest: {cpu: 100m}
                """);
        List<String> out = describe("namespace", "dd4");
        assertLines(out, "Name: dd4", "Labels: kubernetes.io/metadata.name=dd4", "Status: Active",
                "Resource Quotas", "Name: small", "Resource Used Hard", "cpu 0 2", "pods 1 4",
                "Resource Limits", "Type Resource Min Max Default Request Default Limit Max Limit/Request Ratio",
                "Container cpu - - 100m 500m -");
    }

    @Test
    void nodeWithItsPodsAndLease() throws Exception {
        apply("node", """
                apiVersion: v1
                kind: Node
                metadata:
                  name: worker-1
                  labels: {kubernetes.io/hostname: worker-1, node-role.kubernetes.io/worker: ""}
                spec:
                  podCIDR: 10.244.1.0/24
                  taints: [{key: dedicated, value: db, effect: NoSchedule}]
                status:
                  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
                  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
                  addresses: [{type: InternalIP, address: 10.0.0.11}, {type: Hostname, address: worker-1}]
                  nodeInfo: {kubeletVersion: v1.32.0, containerRuntimeVersion: "containerd://1.7.0",
                    operatingSystem: linux, architecture: amd64, osImage: Debian, kernelVersion: 6.1.0,
                    machineID: m1, systemUUID: u1, bootID: b1, kubeProxyVersion: v1.32.0}
                ---
                apiVersion: coordination.k8s.io/v1
                kind: Lease
                metadata: {name: worker-1, namespace: kube-node-lease}
                spec: {holderIdentity: worker-1, leaseDurationSeconds: 40, renewTime: "2026-01-02T03:04:05.000000Z"}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: dd5}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: dd5}
                spec:
                  nodeName: worker-1
                  containers:
                  - name: db
                    image: postgres:16
                    resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {memory: 128Mi}}
                """);
        List<String> out = describe("node", "worker-1");
        assertLines(out, "Name: worker-1", "Roles: worker", "Taints: dedicated=db:NoSchedule",
                "Unschedulable: false", "Lease:", "HolderIdentity: worker-1",
                "RenewTime: Fri, 02 Jan 2026 03:04:05 +0000", "PodCIDR: 10.244.1.0/24",
                "Non-terminated Pods: (1 in total)", "InternalIP: 10.0.0.11", "Hostname: worker-1",
                "Kubelet Version: v1.32.0", "cpu 250m (12%) 0 (0%)", "memory 64Mi (1%) 128Mi (3%)");
        assertLineMatching(out, "dd5 db 250m \\(12%\\) 0 \\(0%\\) 64Mi \\(1%\\) 128Mi \\(3%\\) \\d+s");
    }

    @Test
    void configMapAndSecret() {
        ok("create", "namespace", "dd6");
        ok("create", "configmap", "settings", "-n", "dd6", "--from-literal=mode=fast");
        ok("create", "secret", "generic", "creds", "-n", "dd6", "--from-literal=password=hunter2");
        List<String> cm = describe("configmap", "settings", "-n", "dd6");
        assertLines(cm, "Name: settings", "Namespace: dd6", "Data", "====", "mode:", "----", "fast",
                "BinaryData", "Events: <none>");
        List<String> secret = describe("secret", "creds", "-n", "dd6");
        assertLines(secret, "Name: creds", "Type: Opaque", "Data", "password: 7 bytes");
        assertTrue(secret.stream().noneMatch(l -> l.contains("hunter2")), String.join("\n", secret));
    }

    @Test
    void customResource() throws Exception {
        CronTabs.establish(cluster, CronTabs.CRD);
        ok("create", "namespace", "dd7");
        apply("crontab", """
                apiVersion: stable.example.com/v1
                kind: CronTab
                metadata: {name: nightly, namespace: dd7, labels: {team: ops}}
                spec: {cronSpec: "0 3 * * *", image: backup:2, replicas: 2, tags: [db, nightly]}
                """);
        List<String> out = describe("crontab", "nightly", "-n", "dd7");
        assertLines(out, "Name: nightly", "Namespace: dd7", "Labels: team=ops", "API Version: stable.example.com/v1",
                "Kind: CronTab", "Spec:", "Cron Spec: 0 3 * * *", "Image: backup:2", "Replicas: 2", "Tags:",
                "db", "nightly", "Events: <none>");
        assertEquals(1, out.stream().filter(l -> l.equals("Metadata:")).count(), String.join("\n", out));
    }
}
