package dev.jctl.cli.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.testing.LiveCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scaler against the project's API server: the /scale subresource, its preconditions and their wording. */
class ScalerTest {
    private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/scaler/deployments";

    @TempDir
    static Path dir;
    private static LiveCluster cluster;
    private static Connection connection;

    @BeforeAll
    static void start() {
        cluster = LiveCluster.start(dir);
        connection = cluster.connect("scaler");
        connection.send(new Connection.Request("POST", "/api/v1/namespaces", "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"scaler\"}}", "application/json"));
        connection.send(new Connection.Request("POST", DEPLOYMENT, "application/json", """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2,
                 "selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"app","image":"nginx"}]}}}}""", "application/json"));
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

    private static int replicas() {
        return connection.get(DEPLOYMENT + "/web").path("spec").path("replicas").asInt();
    }

    private static String resourceVersion() {
        return connection.get(DEPLOYMENT + "/web").path("metadata").path("resourceVersion").asText();
    }

    @Test
    void scalesAndChecksPreconditionsBeforeWriting() {
        Scaler scaler = new Scaler(connection, new Discovery(connection));
        Scaler.Target web = scaler.find("deploy", "web");
        assertEquals("deployment.apps/web scaled", scaler.scale(web, 3, Scaler.Preconditions.NONE));
        assertEquals(3, replicas());

        Scaler.PreconditionException wrongCount = assertThrows(Scaler.PreconditionException.class,
                () -> scaler.scale(web, 5, new Scaler.Preconditions(2, null)));
        assertEquals("Expected replicas to be 2, was 3", wrongCount.getMessage());
        Scaler.PreconditionException wrongVersion = assertThrows(Scaler.PreconditionException.class,
                () -> scaler.scale(web, 5, new Scaler.Preconditions(-1, "1")));
        assertEquals("Expected resource version to be 1, was " + resourceVersion(), wrongVersion.getMessage());
        assertEquals(3, replicas());

        scaler.scale(web, 0, new Scaler.Preconditions(3, resourceVersion()));
        assertEquals(0, replicas());
    }

    @Test
    void aMissingObjectIsNotFound() {
        Scaler scaler = new Scaler(connection, new Discovery(connection));
        assertEquals(404, assertThrows(ApiException.class, () -> scaler.find("deploy", "nope")).code());
        assertThrows(IllegalArgumentException.class, () -> scaler.find("widgets", "web"));
    }
}
