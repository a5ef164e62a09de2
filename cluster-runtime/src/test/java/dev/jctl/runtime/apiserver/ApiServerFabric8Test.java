package dev.jctl.runtime.apiserver;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fabric8 kubernetes-client, configured from nothing but the written kubeconfig. */
class ApiServerFabric8Test {
    @TempDir
    static Path dir;
    static TestCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(dir);
        Config config = Config.fromKubeconfig(Files.readString(dir.resolve("kubeconfig")));
        client = new KubernetesClientBuilder().withConfig(config).build();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("f8").endMetadata().build())
                .create();
    }

    @AfterAll
    static void stop() {
        client.close();
        cluster.close();
    }

    private static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("f8").endMetadata()
                .withData(data).build();
    }

    @Test
    void crudAndStaleUpdates() {
        ConfigMap created = client.configMaps().inNamespace("f8").resource(configMap("crud", Map.of("a", "1")))
                .create();
        ConfigMap fetched = client.configMaps().inNamespace("f8").withName("crud").get();
        assertEquals("1", fetched.getData().get("a"));
        assertEquals(created.getMetadata().getResourceVersion(), fetched.getMetadata().getResourceVersion());

        fetched.getData().put("a", "2");
        client.configMaps().inNamespace("f8").resource(fetched).update();
        created.getData().put("a", "stale");
        KubernetesClientException conflict = assertThrows(KubernetesClientException.class,
                () -> client.configMaps().inNamespace("f8").resource(created).update());
        assertEquals(409, conflict.getCode());
        assertEquals("Conflict", conflict.getStatus().getReason());

        client.configMaps().inNamespace("f8").withName("crud").delete();
        assertNull(client.configMaps().inNamespace("f8").withName("crud").get());
    }

    @Test
    void everyPatchType() {
        client.apps().deployments().inNamespace("f8").resource(new DeploymentBuilder()
                .withNewMetadata().withName("p").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "p").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "p").endMetadata().withNewSpec()
                .addNewContainer().withName("a").withImage("nginx:1").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        var deployment = client.apps().deployments().inNamespace("f8").withName("p");
        deployment.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":2}}");
        deployment.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");
        // a strategic merge patch merges containers by name instead of replacing the list
        deployment.patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"redis:7\"}]}}}}");
        Deployment patched = deployment.get();
        assertEquals(3, patched.getSpec().getReplicas());
        assertEquals(2, patched.getSpec().getTemplate().getSpec().getContainers().size());
        assertEquals(3, deployment.scale().getSpec().getReplicas());
        deployment.scale(5);
        assertEquals(5, deployment.get().getSpec().getReplicas());
    }

    @Test
    void informerSeesEveryEvent() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        client.configMaps().inNamespace("f8").resource(configMap("pre", Map.of())).create();
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("f8").inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ConfigMap cm) {
                        events.add("add " + cm.getMetadata().getName());
                    }

                    @Override
                    public void onUpdate(ConfigMap old, ConfigMap cm) {
                        if (!old.getMetadata().getResourceVersion().equals(cm.getMetadata().getResourceVersion())) {
                            events.add("update " + cm.getMetadata().getName());
                        }
                    }

                    @Override
                    public void onDelete(ConfigMap cm, boolean unknownFinalState) {
                        events.add("delete " + cm.getMetadata().getName());
                    }
                });
        try {
            assertEquals("add pre", events.poll(10, TimeUnit.SECONDS));
            client.configMaps().inNamespace("f8").resource(configMap("live", Map.of("k", "v"))).create();
            assertEquals("add live", events.poll(10, TimeUnit.SECONDS));
            client.configMaps().inNamespace("f8").withName("live").edit(cm -> {
                cm.getData().put("k", "w");
                return cm;
            });
            assertEquals("update live", events.poll(10, TimeUnit.SECONDS));
            client.configMaps().inNamespace("f8").withName("live").delete();
            assertEquals("delete live", events.poll(10, TimeUnit.SECONDS));
        } finally {
            informer.close();
        }
    }
}
