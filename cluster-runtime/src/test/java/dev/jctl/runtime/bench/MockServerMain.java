package dev.jctl.runtime.bench;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;

/**
 * The peer of the API server benchmark in a child JVM: fabric8's KubernetesMockServer in CRUD mode over HTTPS,
 * built as {@code @EnableKubernetesMockClient(crud = true, https = true)} builds it. Prints {@code ready <port>}.
 */
public final class MockServerMain {
    private MockServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        server.init(InetAddress.getLoopbackAddress(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "mock-shutdown"));
        System.out.println("ready " + server.getPort());
        System.out.flush();
        new CountDownLatch(1).await(); // serves until the process is signalled
    }
}
