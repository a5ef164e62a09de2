package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.MemoryStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a custom resource looks like in the store, underneath the API. */
class CustomResourceStorageTest {
    @TempDir
    Path dir;

    @Test
    void objectsAreStoredInTheStorageVersionWhateverVersionWroteThem() throws Exception {
        MemoryStorage storage = new MemoryStorage();
        try (TestCluster cluster = TestCluster.over(storage, dir, Duration.ofMinutes(1))) {
            CronTabs.establish(cluster, CronTabs.CRD);
            String beta = "/apis/stable.example.com/v1beta1/namespaces/default/crontabs";
            TestCluster.Response created = cluster.post(beta, CronTabs.cronTab("stable.example.com/v1beta1", "old",
                    "{\"cronSpec\": \"* * * * *\"}"));
            assertEquals("stable.example.com/v1beta1", created.body().path("apiVersion").asText());
            KeyValue kv = storage.get("/registry/stable.example.com/crontabs/default/old");
            JsonNode stored = TestCluster.JSON.readTree(kv.value());
            assertEquals("stable.example.com/v1", stored.path("apiVersion").asText());

            TestCluster.Response same = cluster.put(beta + "/old", created.raw());
            assertEquals(created.body().path("metadata").path("resourceVersion"),
                    same.body().path("metadata").path("resourceVersion"), "an unchanged object is not rewritten");
        }
        storage.close();
    }
}
