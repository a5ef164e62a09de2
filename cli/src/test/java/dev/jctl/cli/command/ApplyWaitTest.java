package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.JctlRunner;
import dev.jctl.cli.testing.LiveCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctl apply --wait} against the project's API server, with no controllers: the test writes each status
 * through the status subresource as a controller would, before or while jctl waits.
 */
class ApplyWaitTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: app
                    image: nginx
            """;

    @TempDir
    static Path dir;
    private static LiveCluster cluster;

    @BeforeAll
    static void start() {
        cluster = LiveCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JctlRunner jctl() {
        return new JctlRunner(cluster.kubeconfig(), cluster.cacheDir().resolve("jctl"));
    }

    private static Path manifest(String namespace, String name, String yaml) throws IOException {
        try (Connection connection = cluster.connect(namespace)) {
            connection.send(new Connection.Request("POST", "/api/v1/namespaces", "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + namespace + "\"}}",
                    "application/json"));
        }
        return Files.writeString(dir.resolve(namespace + "-" + name + ".yaml"), yaml);
    }

    /** What a controller does: replace the object's status through its status subresource. */
    private static void writeStatus(String namespace, String path, String statusJson) throws IOException {
        try (Connection connection = cluster.connect(namespace)) {
            ObjectNode object = (ObjectNode) connection.get(path);
            object.set("status", Connection.JSON.readTree(statusJson));
            connection.send(new Connection.Request("PUT", path + "/status", "application/json", object.toString(),
                    "application/json"));
        }
    }

    private static CommandRun apply(Path file, String namespace, String... flags) {
        List<String> args = new ArrayList<>(List.of("apply", "-f", file.toString(), "-n", namespace));
        args.addAll(List.of(flags));
        return jctl().run(args);
    }

    @Test
    void aDeploymentThatNeverBecomesAvailableTimesOutNamingTheReason() throws IOException {
        Path file = manifest("stuck", "web", DEPLOYMENT);
        CommandRun created = apply(file, "stuck");
        assertEquals(0, created.exit(), created.describe());
        writeStatus("stuck", "/apis/apps/v1/namespaces/stuck/deployments/web",
                "{\"observedGeneration\":1,\"replicas\":2,\"updatedReplicas\":2,\"unavailableReplicas\":2}");
        // One of its pods, as the ReplicaSet controller would have made it, crash-looping as the kubelet reports.
        try (Connection connection = cluster.connect("stuck")) {
            connection.send(new Connection.Request("POST", "/api/v1/namespaces/stuck/pods", "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-1a2b\",\"labels\":"
                            + "{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx\"}]}}",
                    "application/json"));
        }
        writeStatus("stuck", "/api/v1/namespaces/stuck/pods/web-1a2b", "{\"phase\":\"Running\",\"containerStatuses\":"
                + "[{\"name\":\"app\",\"ready\":false,\"restartCount\":2,\"image\":\"nginx\",\"imageID\":\"\","
                + "\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\","
                + "\"message\":\"back-off 20s restarting\"}}}]}");

        Instant started = Instant.now();
        CommandRun run = apply(file, "stuck", "--wait", "--timeout=2s");
        Duration took = Duration.between(started, Instant.now());

        assertEquals(1, run.exit(), run.describe());
        assertEquals("deployment.apps/web unchanged\n", run.out(), run.describe());
        assertTrue(run.err().endsWith("error: timed out waiting for the condition on deployments/web: "
                + "0 of 2 updated replicas are available; pod web-1a2b: container app: CrashLoopBackOff: "
                + "back-off 20s restarting\n"), run.describe());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0 && took.compareTo(Duration.ofSeconds(10)) < 0,
                "took " + took);
    }

    @Test
    void aDeploymentRolledOutWhileWaitingSucceedsWithPlainProgressLines() throws Exception {
        Path file = manifest("rollout", "web", DEPLOYMENT);
        CompletableFuture<CommandRun> waiting = CompletableFuture.supplyAsync(
                () -> apply(file, "rollout", "--wait", "--timeout=30s"));
        String path = "/apis/apps/v1/namespaces/rollout/deployments/web";
        try (Connection connection = cluster.connect("rollout")) {
            Instant deadline = Instant.now().plusSeconds(20);
            while (connection.exchange(Connection.Request.get(path)).code() != 200) {
                assertTrue(Instant.now().isBefore(deadline), "jctl did not create the deployment");
                Thread.sleep(50);
            }
        }
        // Give the wait time to see the first state, then move it on as the deployment controller would.
        Thread.sleep(500);
        writeStatus("rollout", path, "{\"observedGeneration\":1,\"replicas\":2,\"updatedReplicas\":2,"
                + "\"readyReplicas\":1,\"availableReplicas\":1}");
        Thread.sleep(300);
        writeStatus("rollout", path, "{\"observedGeneration\":1,\"replicas\":2,\"updatedReplicas\":2,"
                + "\"readyReplicas\":2,\"availableReplicas\":2,\"conditions\":[{\"type\":\"Available\","
                + "\"status\":\"True\"}]}");
        CommandRun run = waiting.get();

        assertEquals(0, run.exit(), run.describe());
        assertEquals("deployment.apps/web created\ndeployment.apps/web condition met\n", run.out(), run.describe());
        assertEquals("""
                deployment.apps/web waiting: waiting for the deployment spec update to be observed
                deployment.apps/web waiting: 1 of 2 updated replicas are available
                deployment.apps/web ready: successfully rolled out
                """, run.err(), run.describe());
    }

    @Test
    void aFailedJobFailsAtOnceWithItsMessage() throws IOException {
        Path file = manifest("jobs", "migrate", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: migrate
                        image: busybox
                        command: ["false"]
                """);
        assertEquals(0, apply(file, "jobs").exit());
        writeStatus("jobs", "/apis/batch/v1/namespaces/jobs/jobs/migrate", "{\"failed\":1,\"conditions\":["
                + "{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\","
                + "\"message\":\"Job has reached the specified backoff limit\"}]}");

        Instant started = Instant.now();
        CommandRun run = apply(file, "jobs", "--wait", "--timeout=60s");

        assertEquals(1, run.exit(), run.describe());
        assertTrue(run.err().endsWith("error: jobs/migrate failed: Job has reached the specified backoff limit "
                + "(BackoffLimitExceeded)\n"), run.describe());
        assertTrue(Duration.between(started, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0,
                "a failed job ends the wait long before its timeout");
    }

    @Test
    void aPodInCrashLoopBackOffFailsAtOnceNamingIt() throws IOException {
        Path file = manifest("pods", "web", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: app
                    image: nginx
                """);
        assertEquals(0, apply(file, "pods").exit());
        writeStatus("pods", "/api/v1/namespaces/pods/pods/web", "{\"phase\":\"Running\",\"conditions\":[{\"type\":"
                + "\"Ready\",\"status\":\"False\"}],\"containerStatuses\":[{\"name\":\"app\",\"ready\":false,"
                + "\"restartCount\":3,\"image\":\"nginx\",\"imageID\":\"\",\"state\":{\"waiting\":{\"reason\":"
                + "\"CrashLoopBackOff\",\"message\":\"back-off 40s restarting failed container=app pod=web\"}}}]}");

        Instant started = Instant.now();
        CommandRun run = apply(file, "pods", "--wait", "--timeout=60s");

        assertEquals(1, run.exit(), run.describe());
        assertTrue(run.err().endsWith("error: pods/web failed: container app: CrashLoopBackOff: back-off 40s "
                + "restarting failed container=app pod=web\n"), run.describe());
        assertTrue(Duration.between(started, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0);
    }

    @Test
    void aServiceIsHealthyOnceItHasAReadyEndpoint() throws IOException {
        Path file = manifest("svc", "web", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                  - port: 80
                """);
        CommandRun empty = apply(file, "svc", "--wait", "--timeout=1s");
        assertEquals(1, empty.exit(), empty.describe());
        assertTrue(empty.err().endsWith("error: timed out waiting for the condition on services/web: "
                + "no ready endpoints\n"), empty.describe());

        try (Connection connection = cluster.connect("svc")) {
            connection.send(new Connection.Request("POST", "/api/v1/namespaces/svc/endpoints", "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"Endpoints\",\"metadata\":{\"name\":\"web\"},\"subsets\":[{"
                            + "\"addresses\":[{\"ip\":\"10.1.0.5\"}],\"ports\":[{\"port\":80}]}]}",
                    "application/json"));
        }
        CommandRun ready = apply(file, "svc", "--wait", "--timeout=10s");
        assertEquals(0, ready.exit(), ready.describe());
        assertEquals("service/web unchanged\nservice/web condition met\n", ready.out(), ready.describe());
    }

    @Test
    void aCustomResourceDefinitionIsHealthyOnceEstablished() throws IOException {
        Path file = Files.writeString(dir.resolve("crd.yaml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {plural: widgets, singular: widget, kind: Widget}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """);
        CommandRun run = jctl().run("apply", "-f", file.toString(), "--wait", "--timeout=10s");
        assertEquals(0, run.exit(), run.describe());
        assertEquals("customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n"
                + "customresourcedefinition.apiextensions.k8s.io/widgets.example.com condition met\n", run.out());
        JsonNode crd;
        try (Connection connection = cluster.connect("default")) {
            crd = connection.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        }
        assertTrue(crd.path("status").path("conditions").toString().contains("Established"), crd.toString());
    }
}
