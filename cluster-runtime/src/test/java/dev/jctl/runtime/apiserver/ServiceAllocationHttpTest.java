package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.ClusterRuntime;
import dev.jctl.runtime.apiserver.rest.ServiceRanges;
import dev.jctl.runtime.storage.EtcdServer;
import dev.jctl.runtime.storage.Storage;
import dev.jctl.runtime.storage.StorageFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ClusterIP and NodePort allocation over HTTP on every store: concurrent creates, writes that fail after their
 * values were picked, every way a Service is deleted, type changes, a restart, and Services written underneath the
 * API server. Small ranges make a leak visible: five addresses and five node ports, so a value kept by a failed
 * write would leave a later create without one.
 */
class ServiceAllocationHttpTest {
    private static final String SERVICES = "/api/v1/namespaces/default/services";
    private static final String MERGE = "application/merge-patch+json";
    /** Hands out 10.0.0.10 - 10.0.0.14 (the first ten addresses and the last are not handed out) and 30000-30004. */
    private static final ServiceRanges SMALL = ServiceRanges.parse("10.0.0.0/28", "30000-30004");

    @TempDir
    Path dir;
    private final List<AutoCloseable> running = new ArrayList<>();
    private String etcd;

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(running);
        for (AutoCloseable resource : running) {
            resource.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite", "etcd"})
    void concurrentCreatesGetDistinctClusterIpsAndNodePorts(String store) throws Exception {
        TestCluster cluster = start(options(store, ServiceRanges.DEFAULT));

        List<TestCluster.Response> answers = concurrently(64, i -> cluster.post(SERVICES, nodePortService("svc-" + i)));

        Set<String> ips = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (TestCluster.Response answer : answers) {
            assertEquals(201, answer.code(), answer.raw());
            ips.add(clusterIp(answer.body()));
            ports.add(nodePort(answer.body()));
        }
        assertEquals(64, ips.size(), ips.toString());
        assertEquals(64, ports.size(), ports.toString());
        Set<String> storedIps = new HashSet<>();
        Set<Integer> storedPorts = new HashSet<>();
        cluster.get(SERVICES).body().path("items").forEach(s -> {
            storedIps.add(clusterIp(s));
            storedPorts.add(nodePort(s));
        });
        assertEquals(ips, storedIps);
        assertEquals(ports, storedPorts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite", "etcd"})
    void concurrentCreatesShareASmallRangeOutOnce(String store) throws Exception {
        TestCluster cluster = start(options(store, SMALL));

        List<TestCluster.Response> answers = concurrently(32, i -> cluster.post(SERVICES, nodePortService("svc-" + i)));

        Set<String> ips = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            TestCluster.Response answer = answers.get(i);
            if (answer.code() == 201) {
                ips.add(clusterIp(answer.body()));
                ports.add(nodePort(answer.body()));
            } else {
                assertInvalid(answer, "Service \"svc-" + i + "\" is invalid: spec.clusterIPs: Internal error: failed"
                        + " to allocate a serviceIP: range is full");
            }
        }
        assertEquals(Set.of("10.0.0.10", "10.0.0.11", "10.0.0.12", "10.0.0.13", "10.0.0.14"), ips);
        assertEquals(Set.of(30000, 30001, 30002, 30003, 30004), ports);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite", "etcd"})
    void failedWritesReleaseWhatTheyPicked(String store) throws Exception {
        TestCluster cluster = start(options(store, SMALL));
        JsonNode a = created(cluster.post(SERVICES, nodePortService("a")));
        int taken = nodePort(a);
        JsonNode c = created(cluster.post(SERVICES,
                "{\"metadata\":{\"name\":\"c\"},\"spec\":{\"ports\":[{\"port\":80}]}}"));

        for (int i = 0; i < 6; i++) { // more often than either range has values
            TestCluster.Response exists = cluster.post(SERVICES, nodePortService("a"));
            assertEquals(409, exists.code(), exists.raw());
            assertEquals("services \"a\" already exists", exists.body().path("message").asText());
            assertInvalid(cluster.post(SERVICES, "{\"metadata\":{\"name\":\"b\"},\"spec\":{\"type\":\"NodePort\","
                            + "\"ports\":[{\"port\":80},{\"port\":81,\"nodePort\":" + taken + "}]}}"),
                    "Service \"b\" is invalid: spec.ports[1].nodePort: Invalid value: " + taken
                            + ": provided port is already allocated");
            assertEquals(201, cluster.post(SERVICES + "?dryRun=All", nodePortService("dry")).code());
            assertInvalid(cluster.patch(SERVICES + "/c", MERGE, "{\"spec\":{\"type\":\"NodePort\",\"ports\":"
                            + "[{\"port\":80},{\"port\":81,\"nodePort\":" + taken + "}]}}"),
                    "Service \"c\" is invalid: spec.ports[1].nodePort: Invalid value: " + taken
                            + ": provided port is already allocated");
            TestCluster.Response dryPatch = cluster.patch(SERVICES + "/c?dryRun=All", MERGE,
                    "{\"spec\":{\"type\":\"NodePort\"}}");
            assertEquals(200, dryPatch.code(), dryPatch.raw());
        }
        assertEquals(404, cluster.get(SERVICES + "/dry").code());
        assertEquals("ClusterIP", cluster.get(SERVICES + "/c").body().path("spec").path("type").asText());

        // nothing leaked: the three addresses and four node ports left are all still there to hand out
        Set<String> ips = new HashSet<>(Set.of(clusterIp(a), clusterIp(c)));
        Set<Integer> ports = new HashSet<>(Set.of(taken));
        for (String name : List.of("d", "e", "f")) {
            JsonNode service = created(cluster.post(SERVICES, nodePortService(name)));
            ips.add(clusterIp(service));
            ports.add(nodePort(service));
        }
        TestCluster.Response toNodePort = cluster.patch(SERVICES + "/c", MERGE, "{\"spec\":{\"type\":\"NodePort\"}}");
        assertEquals(200, toNodePort.code(), toNodePort.raw());
        ports.add(nodePort(toNodePort.body()));
        assertEquals(5, ips.size(), ips.toString());
        assertEquals(5, ports.size(), ports.toString());
        assertInvalid(cluster.post(SERVICES, nodePortService("g")), "Service \"g\" is invalid: spec.clusterIPs:"
                + " Internal error: failed to allocate a serviceIP: range is full");
        assertInvalid(cluster.patch(SERVICES + "/a", MERGE, "{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":" + taken
                        + "},{\"port\":81}]}}"),
                "Service \"a\" is invalid: spec.ports: Internal error: failed to allocate a nodePort: range is full");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite", "etcd"})
    void everyDeletionFreesWhatItsServiceHeld(String store) throws Exception {
        TestCluster cluster = start(options(store, ServiceRanges.DEFAULT));

        JsonNode deleted = created(cluster.post(SERVICES, nodePortService("deleted")));
        assertInvalid(cluster.post(SERVICES, asking("copy", clusterIp(deleted), nodePort(deleted))),
                "Service \"copy\" is invalid: spec.clusterIPs: Invalid value: []string{\"" + clusterIp(deleted)
                        + "\"}: failed to allocate IP " + clusterIp(deleted) + ": provided IP is already allocated");
        assertInvalid(cluster.post(SERVICES, asking("copy", "", nodePort(deleted))), "Service \"copy\" is invalid:"
                + " spec.ports[0].nodePort: Invalid value: " + nodePort(deleted)
                + ": provided port is already allocated");
        assertEquals(200, cluster.delete(SERVICES + "/deleted").code());
        assertTakesOver(cluster, SERVICES, "after-delete", deleted);

        JsonNode collected = created(cluster.post(SERVICES, "{\"metadata\":{\"name\":\"collected\",\"labels\":"
                + "{\"sweep\":\"yes\"}},\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}}"));
        assertEquals(200, cluster.delete(SERVICES + "?labelSelector=sweep%3Dyes").code());
        assertTakesOver(cluster, SERVICES, "after-deletecollection", collected);

        JsonNode held = created(cluster.post(SERVICES, "{\"metadata\":{\"name\":\"held\",\"finalizers\":"
                + "[\"example.com/hold\"]},\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}}"));
        assertEquals(200, cluster.delete(SERVICES + "/held").code());
        assertEquals(422, cluster.post(SERVICES, asking("too-early", clusterIp(held), 0)).code(),
                "a Service being deleted keeps its IP until its finalizers are done");
        assertEquals(200, cluster.patch(SERVICES + "/held", MERGE, "{\"metadata\":{\"finalizers\":null}}").code());
        assertEquals(404, cluster.get(SERVICES + "/held").code());
        assertTakesOver(cluster, SERVICES, "after-finalizers", held);

        assertEquals(201, cluster.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"doomed\"}}").code());
        JsonNode inNamespace = created(cluster.post("/api/v1/namespaces/doomed/services",
                nodePortService("in-namespace")));
        assertEquals(200, cluster.delete("/api/v1/namespaces/doomed").code());
        assertTakesOver(cluster, SERVICES, "after-namespace", inNamespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "sqlite", "etcd"})
    void typeChangesReleaseAndAllocateAsUpstreamDoes(String store) throws Exception {
        TestCluster cluster = start(options(store, ServiceRanges.DEFAULT));
        JsonNode service = created(cluster.post(SERVICES, nodePortService("changing")));
        String ip = clusterIp(service);
        int port = nodePort(service);

        JsonNode relabelled = patched(cluster, "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
        assertEquals(ip, clusterIp(relabelled));
        assertEquals(port, nodePort(relabelled));

        JsonNode clusterIpType = patched(cluster, "{\"spec\":{\"type\":\"ClusterIP\"}}");
        assertEquals(ip, clusterIp(clusterIpType));
        assertFalse(clusterIpType.path("spec").path("ports").get(0).has("nodePort"), clusterIpType.toString());
        assertEquals(port, nodePort(created(cluster.post(SERVICES, asking("took-port", "", port)))));

        JsonNode nodePortAgain = patched(cluster, "{\"spec\":{\"type\":\"NodePort\"}}");
        assertEquals(ip, clusterIp(nodePortAgain));
        int newPort = nodePort(nodePortAgain);
        assertNotEquals(port, newPort);

        JsonNode external = patched(cluster, "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"example.com\"}}");
        JsonNode spec = external.path("spec");
        for (String field : List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy")) {
            assertFalse(spec.has(field), field + " is dropped: " + spec);
        }
        assertFalse(spec.path("ports").get(0).has("nodePort"), spec.toString());
        assertEquals(ip, clusterIp(created(cluster.post(SERVICES, asking("took-ip", ip, newPort)))));

        JsonNode clusterIpAgain = patched(cluster, "{\"spec\":{\"type\":\"ClusterIP\",\"externalName\":null}}");
        String newIp = clusterIp(clusterIpAgain);
        assertTrue(newIp.startsWith("10."), clusterIpAgain.toString());
        assertNotEquals(ip, newIp);
        assertEquals("[\"" + newIp + "\"]", clusterIpAgain.path("spec").path("clusterIPs").toString());

        JsonNode moved = created(cluster.post(SERVICES, nodePortService("moved")));
        int oldPort = nodePort(moved);
        int free = oldPort == 32767 ? 30000 : oldPort + 1;
        while (free == port || free == newPort) {
            free++;
        }
        TestCluster.Response move = cluster.patch(SERVICES + "/moved", MERGE,
                "{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":" + free + "}]}}");
        assertEquals(200, move.code(), move.raw());
        assertEquals(free, nodePort(move.body()));
        assertEquals(oldPort, nodePort(created(cluster.post(SERVICES, asking("took-old-port", "", oldPort)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "etcd"})
    void aRestartRebuildsTheAllocationsFromStorage(String store) throws Exception {
        ClusterRuntime.Options options = options(store, SMALL);
        List<JsonNode> before = new ArrayList<>();
        try (TestCluster first = TestCluster.start(options)) {
            for (String name : List.of("a", "b", "c")) {
                before.add(created(first.post(SERVICES, nodePortService(name))));
            }
        }

        TestCluster second = start(options);

        JsonNode a = before.get(0);
        assertInvalid(second.post(SERVICES, asking("copy", clusterIp(a), 0)), "Service \"copy\" is invalid:"
                + " spec.clusterIPs: Invalid value: []string{\"" + clusterIp(a) + "\"}: failed to allocate IP "
                + clusterIp(a) + ": provided IP is already allocated");
        Set<String> ips = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        before.forEach(s -> {
            ips.add(clusterIp(s));
            ports.add(nodePort(s));
        });
        for (String name : List.of("d", "e")) {
            JsonNode service = created(second.post(SERVICES, nodePortService(name)));
            ips.add(clusterIp(service));
            ports.add(nodePort(service));
        }
        assertEquals(5, ips.size(), ips.toString());
        assertEquals(5, ports.size(), ports.toString());
        assertInvalid(second.post(SERVICES, nodePortService("f")), "Service \"f\" is invalid: spec.clusterIPs:"
                + " Internal error: failed to allocate a serviceIP: range is full");
        assertEquals(200, second.delete(SERVICES + "/a").code());
        assertTakesOver(second, SERVICES, "a-again", a);
    }

    @Test
    void servicesWrittenUnderneathTheApiServerAreFollowed() throws Exception {
        Storage storage = StorageFactory.open("memory", dir, null);
        running.add(storage);
        TestCluster cluster = TestCluster.over(storage, dir, Duration.ofMinutes(1));
        running.add(cluster);
        JsonNode a = created(cluster.post(SERVICES, nodePortService("a")));

        // as another API server on the same etcd would
        storage.delete("/registry/core/services/default/a", 0);
        String freed = asking("b", clusterIp(a), nodePort(a));
        eventually(() -> cluster.post(SERVICES + "?dryRun=All", freed).code() == 201);

        String elsewhere = clusterIp(a).equals("10.96.200.200") ? "10.96.200.201" : "10.96.200.200";
        storage.create("/registry/core/services/default/other", ("{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"other\",\"namespace\":\"default\"},\"spec\":{\"type\":\"ClusterIP\","
                + "\"clusterIP\":\"" + elsewhere + "\",\"ports\":[{\"port\":80}]}}").getBytes(StandardCharsets.UTF_8));
        String taken = asking("c", elsewhere, 0);
        eventually(() -> cluster.post(SERVICES + "?dryRun=All", taken).code() == 422);
        assertInvalid(cluster.post(SERVICES, taken), "Service \"c\" is invalid: spec.clusterIPs: Invalid value:"
                + " []string{\"" + elsewhere + "\"}: failed to allocate IP " + elsewhere + ": provided IP is already"
                + " allocated");
    }

    private ClusterRuntime.Options options(String store, ServiceRanges ranges) throws Exception {
        if (store.equals("etcd") && etcd == null) {
            EtcdServer server = EtcdServer.start();
            running.add(server);
            etcd = server.endpoint();
        }
        return ClusterRuntime.Options.of(dir.resolve("data")).withKubeconfig(dir.resolve("kubeconfig"))
                .withStorage(store, store.equals("etcd") ? etcd : null).withServiceRanges(ranges);
    }

    private TestCluster start(ClusterRuntime.Options options) {
        TestCluster cluster = TestCluster.start(options);
        running.add(cluster);
        return cluster;
    }

    private static String nodePortService(String name) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}}";
    }

    /** A NodePort Service asking for {@code ip} (none when empty) and {@code nodePort} (none when 0). */
    private static String asking(String name, String ip, int nodePort) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"type\":\"NodePort\""
                + (ip.isEmpty() ? "" : ",\"clusterIP\":\"" + ip + "\"") + ",\"ports\":[{\"port\":80"
                + (nodePort == 0 ? "" : ",\"nodePort\":" + nodePort) + "}]}}";
    }

    /** A new Service asking for what {@code gone} held gets it. */
    private static void assertTakesOver(TestCluster cluster, String path, String name, JsonNode gone) {
        JsonNode service = created(cluster.post(path, asking(name, clusterIp(gone), nodePort(gone))));
        assertEquals(clusterIp(gone), clusterIp(service));
        assertEquals(nodePort(gone), nodePort(service));
    }

    private static JsonNode patched(TestCluster cluster, String patch) {
        TestCluster.Response response = cluster.patch(SERVICES + "/changing", MERGE, patch);
        assertEquals(200, response.code(), response.raw());
        return response.body();
    }

    private static JsonNode created(TestCluster.Response response) {
        assertEquals(201, response.code(), response.raw());
        return response.body();
    }

    private static void assertInvalid(TestCluster.Response response, String message) {
        assertEquals(422, response.code(), response.raw());
        assertEquals("Invalid", response.body().path("reason").asText(), response.raw());
        assertEquals(message, response.body().path("message").asText());
    }

    private static String clusterIp(JsonNode service) {
        return service.path("spec").path("clusterIP").asText();
    }

    private static int nodePort(JsonNode service) {
        return service.path("spec").path("ports").get(0).path("nodePort").asInt();
    }

    private static List<TestCluster.Response> concurrently(int clients, IntFunction<TestCluster.Response> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestCluster.Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<TestCluster.Response> responses = new ArrayList<>();
            for (Future<TestCluster.Response> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for what the API server learns from its watch of the store, for up to 30 s. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(20);
        }
    }
}
