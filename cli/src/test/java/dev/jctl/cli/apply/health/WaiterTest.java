package dev.jctl.cli.apply.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.testing.LiveCluster;
import java.io.IOException;
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
 * The Waiter against the project's API server. Its retry (the polling pace) is set far beyond the test's
 * patience, so only watch events can be what moves it on.
 */
class WaiterTest {
    private static final Duration NEVER_POLL = Duration.ofMinutes(5);

    @TempDir
    static Path dir;
    private static LiveCluster cluster;
    private static Connection connection;

    @BeforeAll
    static void start() {
        cluster = LiveCluster.start(dir);
        connection = cluster.connect("waiter");
        connection.send(new Connection.Request("POST", "/api/v1/namespaces", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"waiter\"}}",
                "application/json"));
    }

    @AfterAll
    static void stop() {
        if (connection != null) {
            connection.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void createDeployment(String name) {
        connection.send(new Connection.Request("POST", "/apis/apps/v1/namespaces/waiter/deployments",
                "application/json", "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
                + name + "\"},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},"
                + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"" + name + "\"}},\"spec\":{\"containers\":[{"
                + "\"name\":\"app\",\"image\":\"nginx\"}]}}}}", "application/json"));
    }

    private static void rollOut(String name) throws IOException {
        String path = "/apis/apps/v1/namespaces/waiter/deployments/" + name;
        ObjectNode object = (ObjectNode) connection.get(path);
        object.set("status", Connection.JSON.readTree("{\"observedGeneration\":1,\"replicas\":1,"
                + "\"updatedReplicas\":1,\"readyReplicas\":1,\"availableReplicas\":1}"));
        connection.send(new Connection.Request("PUT", path + "/status", "application/json", object.toString(),
                "application/json"));
    }

    @Test
    void statusChangesArriveByWatchForOneOrSeveralObjectsOfAResource() throws Exception {
        createDeployment("alone");
        createDeployment("first");
        createDeployment("second");
        ApiResource deployments = new Discovery(connection).forKind("apps/v1", "Deployment").orElseThrow();
        ApiResource configMaps = new Discovery(connection).forKind("v1", "ConfigMap").orElseThrow();
        List<Waiter.Target> targets = List.of(new Waiter.Target(deployments, "waiter", "first"),
                new Waiter.Target(deployments, "waiter", "second"),
                new Waiter.Target(configMaps, "kube-system", "missing"));
        Waiter waiter = new Waiter(connection, new Discovery(connection), NEVER_POLL);
        List<String> seen = new ArrayList<>();
        Waiter.Progress record = new Waiter.Progress() {
            @Override
            public synchronized void changed(Waiter.Target target, Health health) {
                seen.add(target.name() + ": " + health.message());
            }

            @Override
            public void finished() {
            }
        };

        CompletableFuture<Waiter.Result> severalAndMissing = CompletableFuture.supplyAsync(
                () -> waiter.await(targets, Duration.ofSeconds(4), record));
        CompletableFuture<Waiter.Result> alone = CompletableFuture.supplyAsync(() -> waiter.await(
                List.of(new Waiter.Target(deployments, "waiter", "alone")), Duration.ofSeconds(20), record));
        Thread.sleep(500);
        Instant changed = Instant.now();
        rollOut("alone");
        rollOut("first");
        rollOut("second");

        Waiter.Result aloneResult = alone.get();
        assertTrue(aloneResult.healthy(), aloneResult.toString());
        assertTrue(Duration.between(changed, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0,
                "woken by the watch, not by a poll");
        Waiter.Result result = severalAndMissing.get();
        assertTrue(result.timedOut(), result.toString());
        assertFalse(result.healthy());
        assertEquals(List.of("deployment.apps/first condition met", "deployment.apps/second condition met"),
                result.readyLines());
        assertEquals(List.of("error: timed out waiting for the condition on configmaps/missing: not found"),
                result.errorLines());
        synchronized (record) {
            assertTrue(seen.contains("first: waiting for the deployment spec update to be observed"), seen.toString());
            assertTrue(seen.contains("second: successfully rolled out"), seen.toString());
        }
    }
}
