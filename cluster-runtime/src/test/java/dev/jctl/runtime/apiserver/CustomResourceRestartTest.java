package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.ClusterRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stored CRDs are served again as soon as a restarted server answers (sqlite, the default store). */
class CustomResourceRestartTest {
    private static final String V1 = "/apis/stable.example.com/v1/namespaces/default/crontabs";

    @TempDir
    Path dir;

    @Test
    void crdsAreServedAgainAfterARestart() {
        ClusterRuntime.Options options = ClusterRuntime.Options.of(dir.resolve("data"))
                .withKubeconfig(dir.resolve("kubeconfig"));
        JsonNode created;
        try (TestCluster first = TestCluster.start(options)) {
            CronTabs.establish(first, CronTabs.CRD);
            created = first.post(V1, CronTabs.cronTab("stable.example.com/v1", "kept",
                    "{\"cronSpec\": \"* * * * *\"}")).body();
        }
        try (TestCluster second = TestCluster.start(options)) {
            JsonNode kept = second.get(V1 + "/kept").body();
            assertEquals(created.path("metadata").path("uid"), kept.path("metadata").path("uid"));
            JsonNode resources = second.get("/apis/stable.example.com/v1").body().path("resources");
            assertEquals("crontabs", resources.get(0).path("name").asText());
            TestCluster.Response invalid = second.post(V1, CronTabs.cronTab("stable.example.com/v1", "bad",
                    "{\"cronSpec\": \"* * * * *\", \"replicas\": 0}"));
            assertEquals(422, invalid.code(), "validation is back too: " + invalid.raw());
        }
    }
}
