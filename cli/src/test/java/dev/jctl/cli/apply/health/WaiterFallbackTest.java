package dev.jctl.cli.apply.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.ConnectionSettings;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.testing.FakeApiServer;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that refuses to watch is polled: listed again after each failure, at the retry pace and no faster. */
class WaiterFallbackTest {
    private static final String PATH = "/apis/apps/v1/namespaces/default/deployments";
    private static final ApiResource DEPLOYMENTS = new ApiResource("apps", "v1", "Deployment", "deployments",
            "deployment", true, List.of("deploy"), List.of("get", "list"));

    @TempDir
    Path dir;

    private static String list(int available) {
        return "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"resourceVersion\":\"7\"},"
                + "\"items\":[{\"metadata\":{\"name\":\"web\",\"namespace\":\"default\",\"generation\":1},"
                + "\"spec\":{\"replicas\":1},\"status\":{\"observedGeneration\":1,\"replicas\":1,"
                + "\"updatedReplicas\":1,\"availableReplicas\":" + available + "}}]}";
    }

    @Test
    void withoutWatchTheObjectIsListedAgainAfterTheRetryPause() throws Exception {
        try (FakeApiServer server = FakeApiServer.start()) {
            server.reply("GET " + PATH, 200, list(0))
                    .reply("GET " + PATH, 405, FakeApiServer.status(405, "MethodNotAllowed", "watch is not allowed"))
                    .reply("GET " + PATH, 200, list(1));
            Duration retry = Duration.ofMillis(300);
            Instant started = Instant.now();
            Waiter.Result result;
            try (Connection connection = Connection.open(new ConnectionSettings(server.writeKubeconfig(dir), null,
                    null, dir.resolve("cache")))) {
                result = new Waiter(connection, new Discovery(connection), retry).await(
                        List.of(new Waiter.Target(DEPLOYMENTS, "default", "web")), Duration.ofSeconds(10),
                        new PlainProgress(new PrintWriter(Writer.nullWriter())));
            }
            Duration took = Duration.between(started, Instant.now());

            assertTrue(result.healthy(), result.toString());
            assertTrue(took.compareTo(retry) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            List<String> queries = server.requests().stream().filter(r -> r.path().equals(PATH))
                    .map(FakeApiServer.Received::query).toList();
            // list, refused watch, list after the pause; the next watch may already be on its way at the end
            assertTrue(queries.size() == 3 || queries.size() == 4, queries.toString());
            assertEquals("fieldSelector=metadata.name%3Dweb", queries.get(0));
            assertTrue(queries.get(1).startsWith("watch=1&allowWatchBookmarks=true&resourceVersion=7&"),
                    queries.get(1));
            assertEquals("fieldSelector=metadata.name%3Dweb", queries.get(2));
        }
    }
}
