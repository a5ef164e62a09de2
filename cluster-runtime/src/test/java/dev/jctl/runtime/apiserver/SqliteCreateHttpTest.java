package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.ClusterRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creates over HTTP on the SQLite store (the default), whose answers complete when the writer's commit does rather
 * than on a thread waiting for it: every outcome of a create must still reach the client as on the memory store.
 */
class SqliteCreateHttpTest {
    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";

    @TempDir
    static Path dir;
    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(ClusterRuntime.Options.of(dir.resolve("data"))
                .withKubeconfig(dir.resolve("kubeconfig")));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aCreateIsAnsweredWithTheStoredObjectAndItsWarnings() throws Exception {
        HttpResponse<String> response = cluster.http.send(cluster.request(CONFIGMAPS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"metadata\":{\"name\":\"first\"},\"data\":{\"k\":\"v\"},\"bogus\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(List.of("299 - \"unknown field \\\"bogus\\\"\""), response.headers().allValues("Warning"));
        JsonNode created = TestCluster.JSON.readTree(response.body());
        JsonNode stored = cluster.get(CONFIGMAPS + "/first").body();
        assertEquals(stored, created);
        assertFalse(created.path("metadata").path("resourceVersion").asText().isEmpty());
        assertFalse(created.has("bogus"));
    }

    @Test
    void aTakenNameIsAConflictAndNothingChanges() {
        JsonNode first = cluster.post(CONFIGMAPS, "{\"metadata\":{\"name\":\"taken\"},\"data\":{\"k\":\"1\"}}")
                .body();

        TestCluster.Response again = cluster.post(CONFIGMAPS,
                "{\"metadata\":{\"name\":\"taken\"},\"data\":{\"k\":\"2\"}}");

        assertEquals(409, again.code(), again.raw());
        assertEquals("AlreadyExists", again.body().path("reason").asText());
        assertEquals("configmaps \"taken\" already exists", again.body().path("message").asText());
        assertEquals(first, cluster.get(CONFIGMAPS + "/taken").body());
    }

    @Test
    void generatedNamesDryRunsAndMissingNamespacesBehaveAsOnAnyStore() {
        TestCluster.Response generated = cluster.post(CONFIGMAPS, "{\"metadata\":{\"generateName\":\"gen-\"}}");
        assertEquals(201, generated.code(), generated.raw());
        String name = generated.body().path("metadata").path("name").asText();
        assertTrue(name.matches("gen-[a-z0-9]{5}"), name);
        assertEquals(200, cluster.get(CONFIGMAPS + "/" + name).code());

        TestCluster.Response dryRun = cluster.post(CONFIGMAPS + "?dryRun=All", "{\"metadata\":{\"name\":\"dry\"}}");
        assertEquals(201, dryRun.code(), dryRun.raw());
        assertEquals(404, cluster.get(CONFIGMAPS + "/dry").code());

        TestCluster.Response missing = cluster.post("/api/v1/namespaces/nowhere/configmaps",
                "{\"metadata\":{\"name\":\"lost\"}}");
        assertEquals(404, missing.code(), missing.raw());
        assertEquals("namespaces \"nowhere\" not found", missing.body().path("message").asText());
    }

    @Test
    void aServiceGetsItsClusterIpOnCreate() {
        TestCluster.Response service = cluster.post("/api/v1/namespaces/default/services",
                "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"ports\":[{\"port\":80}]}}");

        assertEquals(201, service.code(), service.raw());
        String ip = service.body().path("spec").path("clusterIP").asText();
        assertFalse(ip.isEmpty());
        assertEquals(ip, cluster.get("/api/v1/namespaces/default/services/web").body().path("spec")
                .path("clusterIP").asText());
    }
}
