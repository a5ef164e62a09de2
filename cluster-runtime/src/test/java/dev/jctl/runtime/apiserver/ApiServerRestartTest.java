package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.ClusterRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restart on the same data dir keeps objects, revisions, the CA and the token (sqlite, the default store). */
class ApiServerRestartTest {
    @TempDir
    Path dir;

    @Test
    void objectsCredentialsAndRevisionsSurviveARestart() throws Exception {
        ClusterRuntime.Options options = ClusterRuntime.Options.of(dir.resolve("data"))
                .withKubeconfig(dir.resolve("kubeconfig"));
        JsonNode created;
        String ca;
        String token;
        try (TestCluster first = TestCluster.start(options)) {
            created = first.post("/api/v1/namespaces/default/configmaps",
                    "{\"metadata\":{\"name\":\"kept\"},\"data\":{\"k\":\"v\"}}").body();
            ca = first.caPem;
            token = first.token;
        }
        String kubeconfig = Files.readString(dir.resolve("kubeconfig"));
        try (TestCluster second = TestCluster.start(options)) {
            assertEquals(ca, second.caPem);
            assertEquals(token, second.token);
            JsonNode kept = second.get("/api/v1/namespaces/default/configmaps/kept").body();
            assertEquals(created.path("metadata").path("uid"), kept.path("metadata").path("uid"));
            assertEquals(created.path("metadata").path("resourceVersion"), kept.path("metadata").path("resourceVersion"));
            long next = Long.parseLong(second.post("/api/v1/namespaces/default/configmaps",
                    "{\"metadata\":{\"name\":\"later\"}}").body().path("metadata").path("resourceVersion").asText());
            assertTrue(next > kept.path("metadata").path("resourceVersion").asLong(), "revisions stay monotonic");
            assertEquals(1, second.get("/api/v1/namespaces?fieldSelector=metadata.name%3Ddefault").body()
                    .path("items").size(), "system namespaces are not created twice");
        }
        assertTrue(kubeconfig.contains("current-context: jctl"));
    }
}
