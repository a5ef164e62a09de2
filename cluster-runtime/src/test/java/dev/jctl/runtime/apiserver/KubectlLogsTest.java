package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl logs} before any kubelet runs: kubectl must print what it prints against a real cluster in the same
 * state - nothing for a pod no node has taken, the dial error for a node whose kubelet does not answer.
 */
class KubectlLogsTest extends KubectlAgainstCluster {
    private static void apply(String name, String yaml) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        ok("apply", "-f", file.toString());
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPodNoNodeHasTakenHasNoLogYet() {
        ok("create", "namespace", "lg1");
        ok("run", "web", "-n", "lg1", "--image=nginx:1.27");
        Kubectl.Result logs = ok("logs", "web", "-n", "lg1");
        assertEquals("", logs.out());
        assertEquals("", logs.err());
        TestCluster.Response http = cluster.get("/api/v1/namespaces/lg1/pods/web/log");
        assertEquals(204, http.code(), http.raw());
    }

    @Test
    void aNodeWhoseKubeletDoesNotAnswer() throws Exception {
        int port = closedPort();
        apply("down", """
                apiVersion: v1
                kind: Node
                metadata: {name: down-1}
                status:
                  addresses: [{type: InternalIP, address: 127.0.0.1}]
                  daemonEndpoints: {kubeletEndpoint: {Port: PORT}}
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: unaddressed-1}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: lg2}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: lg2}
                spec:
                  nodeName: down-1
                  containers: [{name: app, image: "nginx:1.27"}, {name: sidecar, image: "envoy:1"}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: lost, namespace: lg2}
                spec:
                  nodeName: unaddressed-1
                  containers: [{name: app, image: "nginx:1.27"}]
                """.replace("PORT", String.valueOf(port)));
        Kubectl.Result refused = kubectl.run("logs", "web", "-n", "lg2", "-c", "sidecar", "--tail=5");
        assertEquals(1, refused.exit(), refused.describe());
        assertEquals("Error from server: Get \"https://127.0.0.1:" + port + "/containerLogs/lg2/web/sidecar?tailLines=5\""
                + ": dial tcp 127.0.0.1:" + port + ": connect: connection refused", refused.err().trim());

        // kubectl checks the container name itself; the server's answer is for other clients
        TestCluster.Response wrongContainer = cluster.get("/api/v1/namespaces/lg2/pods/web/log?container=nope");
        assertEquals(400, wrongContainer.code(), wrongContainer.raw());
        assertEquals("container nope is not valid for pod web", wrongContainer.body().path("message").asText());

        Kubectl.Result noAddress = kubectl.run("logs", "lost", "-n", "lg2");
        assertEquals(1, noAddress.exit(), noAddress.describe());
        assertEquals("Error from server: no preferred addresses found; known addresses: []",
                noAddress.err().trim());

        TestCluster.Response bare = cluster.get("/api/v1/namespaces/lg2/pods/web/log");
        assertEquals(400, bare.code(), bare.raw());
        assertEquals("a container name must be specified for pod web, choose one of: [app sidecar]",
                bare.body().path("message").asText());
    }
}
