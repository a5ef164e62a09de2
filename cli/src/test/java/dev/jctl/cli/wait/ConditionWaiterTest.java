package dev.jctl.cli.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.cli.select.Selection;
import dev.jctl.cli.testing.LiveCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiter against the project's API server, the objects changed by the test as a controller would change
 * them (status through the status subresource) while the waiter waits.
 */
class ConditionWaiterTest {
    /** Generous: each wait that succeeds ends when the change arrives. */
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final String CONFIG_MAPS = "/api/v1/namespaces/wait/configmaps";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/wait/deployments";

    @TempDir
    static Path dir;
    static LiveCluster cluster;
    static Connection connection;

    @BeforeAll
    static void start() {
        cluster = LiveCluster.start(dir);
        connection = cluster.connect("wait");
        send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"wait\"}}");
    }

    @AfterAll
    static void stop() {
        connection.close();
        cluster.close();
    }

    private static void send(String method, String path, String body) {
        String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        connection.send(new Connection.Request(method, path, type, body, "application/json"));
    }

    private static void deployment(String name) {
        send("POST", DEPLOYMENTS, """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s"},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"%s"}},
                  "template":{"metadata":{"labels":{"app":"%s"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}"""
                .formatted(name, name, name));
    }

    private static ObjectFinder.Item item(String type, String name) {
        List<ObjectFinder.Item> items = new ObjectFinder(connection, new Discovery(connection), System.in)
                .find(new Selection(List.of(type, name), List.of(), false, null, false, false)).items();
        return items.get(0);
    }

    private static ConditionWaiter waiter() {
        return new ConditionWaiter(connection, Duration.ofMillis(200));
    }

    @Test
    void aConditionWrittenThroughTheStatusSubresourceEndsTheWait() throws Exception {
        deployment("rolled");
        ObjectFinder.Item rolled = item("deployments", "rolled");
        CompletableFuture<ConditionWaiter.Outcome> waiting = CompletableFuture.supplyAsync(() -> waiter().await(
                rolled, new WaitFor.Condition("Available", "true"), LONG, Instant.now().plus(LONG)));
        send("PATCH", DEPLOYMENTS + "/rolled/status",
                "{\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\"}]}}");
        ConditionWaiter.Outcome outcome = waiting.get();
        assertTrue(outcome.met(), () -> String.valueOf(outcome.error()));
        assertEquals("True", outcome.object().path("status").path("conditions").path(0).path("status").asText());
        assertEquals("Deployment", outcome.object().path("kind").asText());
    }

    @Test
    void aConditionThatNeverComesTimesOutNamingTheObject() {
        deployment("stuck");
        ObjectFinder.Item stuck = item("deploy", "stuck");
        ConditionWaiter.Outcome outcome = waiter().await(stuck, new WaitFor.Condition("Available", "true"),
                Duration.ofSeconds(1), Instant.now().plusSeconds(1));
        assertFalse(outcome.met());
        assertInstanceOf(ConditionWaiter.TimeoutException.class, outcome.error());
        assertEquals("timed out waiting for the condition on deployments/stuck", outcome.error().getMessage());
        ConditionWaiter.Outcome late = waiter().await(stuck, new WaitFor.Condition("Available", "false"),
                Duration.ofSeconds(30), Instant.now().minusMillis(1));
        assertEquals("timed out waiting for the condition on deployments/stuck", late.error().getMessage());
        ConditionWaiter.Outcome once = waiter().await(stuck, new WaitFor.Condition("Available", "true"),
                Duration.ZERO, Instant.now());
        assertEquals("condition not met for deployments/stuck", once.error().getMessage());
    }

    @Test
    void anObjectGoneBeforeTheWaitIsNotFound() {
        send("POST", CONFIG_MAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"brief\"}}");
        ObjectFinder.Item brief = item("cm", "brief");
        send("DELETE", CONFIG_MAPS + "/brief", null);
        ConditionWaiter.Outcome outcome = waiter().await(brief, (WaitFor.ObjectCheck) WaitFor.parse(
                "jsonpath={.data.x}"), LONG, Instant.now().plus(LONG));
        ApiException notFound = assertInstanceOf(ApiException.class, outcome.error());
        assertEquals("Error from server (NotFound): configmaps \"brief\" not found", notFound.kubectlMessage());
    }

    @Test
    void deletionAndCreationAreSeenAsTheyHappen() throws Exception {
        send("POST", CONFIG_MAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"old\"}}");
        ObjectFinder.Item old = item("configmap", "old");
        CompletableFuture<ConditionWaiter.Outcome> deleted = CompletableFuture.supplyAsync(() ->
                waiter().awaitDeleted(old, LONG, Instant.now().plus(LONG)));
        send("DELETE", CONFIG_MAPS + "/old", null);
        assertTrue(deleted.get().met());
        assertEquals("old", deleted.get().object().path("metadata").path("name").asText());

        ObjectFinder.Item fresh = item("configmap", "fresh");
        assertTrue(fresh.error().isNotFound());
        assertFalse(waiter().awaitCreated(List.of(fresh), Instant.now().plusMillis(500)));
        CompletableFuture<Boolean> created = CompletableFuture.supplyAsync(() ->
                waiter().awaitCreated(List.of(fresh), Instant.now().plus(LONG)));
        send("POST", CONFIG_MAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fresh\"}}");
        assertTrue(created.get());
    }
}
