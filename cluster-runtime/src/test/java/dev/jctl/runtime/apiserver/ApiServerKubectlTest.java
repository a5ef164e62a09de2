package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acceptance client: the real kubectl (v1.32 on these machines) with its default flags. */
class ApiServerKubectlTest extends KubectlAgainstCluster {
    private static List<String> rows(String out) {
        return out.lines().map(l -> l.trim().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void versionShowsTheServer() {
        assertTrue(ok("version").out().contains("Server Version: v1.32.0+jctl"));
    }

    @Test
    void apiResourcesMatchTheRealServer() {
        Set<String> actual = new TreeSet<>(rows(ok("api-resources", "--no-headers").out()));
        Set<String> expected = new TreeSet<>(List.of(
                "configmaps cm v1 true ConfigMap",
                "endpoints ep v1 true Endpoints",
                "events ev v1 true Event",
                "limitranges limits v1 true LimitRange",
                "namespaces ns v1 false Namespace",
                "nodes no v1 false Node",
                "persistentvolumeclaims pvc v1 true PersistentVolumeClaim",
                "persistentvolumes pv v1 false PersistentVolume",
                "pods po v1 true Pod",
                "replicationcontrollers rc v1 true ReplicationController",
                "resourcequotas quota v1 true ResourceQuota",
                "secrets v1 true Secret",
                "serviceaccounts sa v1 true ServiceAccount",
                "services svc v1 true Service",
                "customresourcedefinitions crd,crds apiextensions.k8s.io/v1 false CustomResourceDefinition",
                "controllerrevisions apps/v1 true ControllerRevision",
                "daemonsets ds apps/v1 true DaemonSet",
                "deployments deploy apps/v1 true Deployment",
                "replicasets rs apps/v1 true ReplicaSet",
                "statefulsets sts apps/v1 true StatefulSet",
                "horizontalpodautoscalers hpa autoscaling/v2 true HorizontalPodAutoscaler",
                "cronjobs cj batch/v1 true CronJob",
                "jobs batch/v1 true Job",
                "leases coordination.k8s.io/v1 true Lease",
                "endpointslices discovery.k8s.io/v1 true EndpointSlice",
                "events ev events.k8s.io/v1 true Event",
                "ingressclasses networking.k8s.io/v1 false IngressClass",
                "ingresses ing networking.k8s.io/v1 true Ingress",
                "networkpolicies netpol networking.k8s.io/v1 true NetworkPolicy",
                "poddisruptionbudgets pdb policy/v1 true PodDisruptionBudget",
                "clusterrolebindings rbac.authorization.k8s.io/v1 false ClusterRoleBinding",
                "clusterroles rbac.authorization.k8s.io/v1 false ClusterRole",
                "rolebindings rbac.authorization.k8s.io/v1 true RoleBinding",
                "roles rbac.authorization.k8s.io/v1 true Role",
                "storageclasses sc storage.k8s.io/v1 false StorageClass"));
        assertEquals(expected, actual);
        List<String> all = rows(ok("api-resources", "--categories=all", "-o", "name").out());
        assertEquals(List.of("pods", "replicationcontrollers", "services", "daemonsets.apps", "deployments.apps",
                "replicasets.apps", "statefulsets.apps", "horizontalpodautoscalers.autoscaling", "cronjobs.batch",
                "jobs.batch"), all);
    }

    @Test
    void createGetLabelAnnotateDelete() throws Exception {
        assertEquals("namespace/k1 created", ok("create", "namespace", "k1").out().trim());
        assertEquals("configmap/settings created",
                ok("create", "configmap", "settings", "-n", "k1", "--from-literal=mode=fast").out().trim());
        assertEquals("secret/creds created",
                ok("create", "secret", "generic", "creds", "-n", "k1", "--from-literal=user=admin").out().trim());

        List<String> table = rows(ok("get", "configmaps", "-n", "k1").out());
        assertEquals("NAME DATA AGE", table.get(0));
        assertTrue(table.get(1).matches("settings 1 \\d+s"), table.toString());
        List<String> secrets = rows(ok("get", "secrets", "-n", "k1").out());
        assertEquals("NAME TYPE DATA AGE", secrets.get(0));
        assertTrue(secrets.get(1).startsWith("creds Opaque 1 "), secrets.toString());

        JsonNode json = TestCluster.JSON.readTree(ok("get", "secret", "creds", "-n", "k1", "-o", "json").out());
        assertEquals("YWRtaW4=", json.path("data").path("user").asText());
        String yaml = ok("get", "configmap", "settings", "-n", "k1", "-o", "yaml").out();
        assertTrue(yaml.contains("  mode: fast"), yaml);
        assertTrue(yaml.contains("kind: ConfigMap"), yaml);
        assertEquals("configmap/settings", ok("get", "cm", "-n", "k1", "-o", "name").out().trim());

        assertEquals("configmap/settings labeled", ok("label", "cm", "settings", "-n", "k1", "tier=gold").out().trim());
        assertEquals("configmap/settings annotated",
                ok("annotate", "cm", "settings", "-n", "k1", "owner=ops").out().trim());
        List<String> labelled = rows(ok("get", "cm", "-n", "k1", "--show-labels").out());
        assertEquals("NAME DATA AGE LABELS", labelled.get(0));
        assertTrue(labelled.get(1).endsWith(" tier=gold"), labelled.toString());
        assertEquals("configmap/settings", ok("get", "cm", "-n", "k1", "-l", "tier=gold", "-o", "name").out().trim());
        Kubectl.Result none = ok("get", "cm", "-n", "k1", "-l", "tier in (silver)");
        assertEquals("", none.out());
        assertTrue(none.err().contains("No resources found in k1 namespace."), none.err());
        assertEquals("ops", TestCluster.JSON.readTree(ok("get", "cm", "settings", "-n", "k1", "-o", "json").out())
                .path("metadata").path("annotations").path("owner").asText());

        List<String> everywhere = rows(ok("get", "cm", "-A").out());
        assertEquals("NAMESPACE NAME DATA AGE", everywhere.get(0));
        assertTrue(everywhere.stream().anyMatch(l -> l.startsWith("k1 settings 1 ")), everywhere.toString());
        List<String> wide = rows(ok("get", "ns", "k1", "-o", "wide").out());
        assertTrue(wide.get(1).startsWith("k1 Active "), wide.toString());

        assertEquals("configmap \"settings\" deleted", ok("delete", "cm", "settings", "-n", "k1").out().trim());
        Kubectl.Result missing = kubectl.run("get", "cm", "settings", "-n", "k1");
        assertEquals(1, missing.exit());
        assertEquals("Error from server (NotFound): configmaps \"settings\" not found", missing.err().trim());
        Kubectl.Result again = kubectl.run("create", "namespace", "k1");
        assertEquals("Error from server (AlreadyExists): namespaces \"k1\" already exists", again.err().trim());
    }

    @Test
    void typedCreatesThatSendProtobuf() throws Exception {
        ok("create", "namespace", "k4");
        assertEquals("deployment.apps/d created",
                ok("create", "deployment", "d", "-n", "k4", "--image=nginx:1.27", "--replicas=2", "--port=80")
                        .out().trim());
        assertEquals("service/s created", ok("create", "service", "clusterip", "s", "-n", "k4", "--tcp=80:8080")
                .out().trim());
        assertEquals("job.batch/j created", ok("create", "job", "j", "-n", "k4", "--image=busybox", "--", "echo",
                "hi").out().trim());
        assertEquals("serviceaccount/robot created", ok("create", "serviceaccount", "robot", "-n", "k4").out().trim());
        JsonNode deployment = TestCluster.JSON.readTree(ok("get", "deploy", "d", "-n", "k4", "-o", "json").out());
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        assertEquals("d", deployment.path("spec").path("selector").path("matchLabels").path("app").asText());
        assertEquals(80, deployment.path("spec").path("template").path("spec").path("containers").get(0)
                .path("ports").get(0).path("containerPort").asInt());
        JsonNode service = TestCluster.JSON.readTree(ok("get", "svc", "s", "-n", "k4", "-o", "json").out());
        assertEquals(8080, service.path("spec").path("ports").get(0).path("targetPort").asInt());
        JsonNode job = TestCluster.JSON.readTree(ok("get", "job", "j", "-n", "k4", "-o", "json").out());
        assertEquals("[\"echo\",\"hi\"]", job.path("spec").path("template").path("spec").path("containers").get(0)
                .path("command").toString());
        assertEquals("Never", job.path("spec").path("template").path("spec").path("restartPolicy").asText());
    }

    @Test
    void applyCreatesThenLeavesUnchangedThenConfigures() throws Exception {
        ok("create", "namespace", "k2");
        Path manifest = dir.resolve("app.yaml");
        String app = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: k2
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: nginx
                        image: nginx:1.27
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web-config
                  namespace: k2
                data:
                  level: info
                """;
        Files.writeString(manifest, app);
        assertEquals(List.of("deployment.apps/web created", "configmap/web-config created"),
                rows(ok("apply", "-f", manifest.toString()).out()));
        assertEquals(List.of("deployment.apps/web unchanged", "configmap/web-config unchanged"),
                rows(ok("apply", "-f", manifest.toString()).out()));
        Files.writeString(manifest, app.replace("replicas: 2", "replicas: 3").replace("level: info", "level: debug"));
        assertEquals(List.of("deployment.apps/web configured", "configmap/web-config configured"),
                rows(ok("apply", "-f", manifest.toString()).out()));
        JsonNode deployment = TestCluster.JSON.readTree(ok("get", "deploy", "web", "-n", "k2", "-o", "json").out());
        assertEquals(3, deployment.path("spec").path("replicas").asInt());
        assertEquals(2, deployment.path("metadata").path("generation").asInt());
        assertNotNull(deployment.path("metadata").path("annotations")
                .get("kubectl.kubernetes.io/last-applied-configuration"));
        List<String> wide = rows(ok("get", "deploy", "-n", "k2", "-o", "wide").out());
        assertEquals("NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR", wide.get(0));
        assertTrue(wide.get(1).matches("web 0/3 0 0 \\d+s nginx nginx:1.27 app=web"), wide.toString());
    }

    /**
     * kubectl validates a {@code kind: List} file on the client with the OpenAPI v2 document, which it reads only as
     * protobuf: the unknown field is found in the schemas decoded from it.
     */
    @Test
    void applyOfAListIsValidatedWithOpenApiV2Protobuf() throws Exception {
        ok("create", "namespace", "k5");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: one, namespace: k5}, data: {a: b}}
                - {apiVersion: v1, kind: ServiceAccount, metadata: {name: two, namespace: k5}}
                """);
        assertEquals(List.of("configmap/one created", "serviceaccount/two created"),
                rows(ok("apply", "-f", list.toString()).out()));
        Files.writeString(list, """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: three, namespace: k5}, dataa: {a: b}}
                """);
        Kubectl.Result invalid = kubectl.run("apply", "-f", list.toString());
        assertEquals(1, invalid.exit(), invalid.describe());
        assertEquals("error: error validating \"" + list + "\": error validating data: ValidationError(ConfigMap): "
                + "unknown field \"dataa\" in io.k8s.api.core.v1.ConfigMap; if you choose to ignore these errors, "
                + "turn validation off with --validate=false", invalid.err().trim());
        assertEquals(1, kubectl.run("get", "configmap", "three", "-n", "k5").exit());
    }

    @Test
    void getWatchPrintsLinesAsEventsArrive() throws Exception {
        ok("create", "namespace", "k3");
        Process watch = kubectl.start("get", "configmaps", "-n", "k3", "-w");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                // the process was stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            ok("create", "configmap", "first", "-n", "k3");
            String header = lines.poll(20, TimeUnit.SECONDS);
            assertEquals("NAME DATA AGE", header == null ? null : header.trim().replaceAll("\\s+", " "));
            assertTrue(next(lines).startsWith("first "));
            ok("create", "configmap", "second", "-n", "k3", "--from-literal=a=b");
            assertTrue(next(lines).matches("second 1 \\d+s"));
        } finally {
            watch.destroy();
        }
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertNotNull(line, "kubectl get -w printed no line within 20s");
        return line.trim().replaceAll("\\s+", " ");
    }
}
