package dev.jctl.runtime.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fabric8's {@code serverSideApply()}: create, ownership under its field manager, conflicts and force. */
class ServerSideApplyFabric8Test {
    @TempDir
    static Path dir;
    static TestCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() throws IOException {
        cluster = TestCluster.start(dir);
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(dir.resolve("kubeconfig")))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        cluster.close();
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName("applied").withNamespace("default").endMetadata()
                .withData(data).build();
    }

    @Test
    void serverSideApplyOwnsConflictsAndForces() {
        ConfigMap created = client.configMaps().resource(configMap(Map.of("a", "1"))).fieldManager("f8")
                .serverSideApply();
        ManagedFieldsEntry entry = created.getMetadata().getManagedFields().get(0);
        assertEquals(List.of("f8", "Apply"), List.of(entry.getManager(), entry.getOperation()));
        assertEquals(Map.of("f:data", Map.of("f:a", Map.of())), entry.getFieldsV1().getAdditionalProperties());

        KubernetesClientException conflict = assertThrows(KubernetesClientException.class, () -> client.configMaps()
                .resource(configMap(Map.of("a", "2"))).fieldManager("other").serverSideApply());
        assertEquals(409, conflict.getCode());
        assertEquals(".data.a", conflict.getStatus().getDetails().getCauses().get(0).getField());

        ConfigMap forced = client.configMaps().resource(configMap(Map.of("a", "2"))).fieldManager("other")
                .forceConflicts().serverSideApply();
        assertEquals("2", forced.getData().get("a"));
        assertTrue(forced.getMetadata().getManagedFields().stream().allMatch(e -> e.getManager().equals("other")),
                "f8 lost its only field");
    }
}
