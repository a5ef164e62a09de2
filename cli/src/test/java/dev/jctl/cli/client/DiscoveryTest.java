package dev.jctl.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.FakeApiServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resource names as kubectl resolves them, and the on-disk cache that saves discovery on later runs. */
class DiscoveryTest {
    @TempDir
    Path dir;
    private FakeApiServer server;
    private Path kubeconfig;

    @BeforeEach
    void start() throws IOException {
        server = FakeApiServer.start();
        kubeconfig = server.writeKubeconfig(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connection connect() {
        return Connection.open(new ConnectionSettings(kubeconfig, null, null, dir.resolve("cache")));
    }

    @Test
    void resolvesPluralsSingularsShortNamesKindsAndQualifiedNames() {
        try (Connection connection = connect()) {
            Discovery discovery = new Discovery(connection);
            for (String name : new String[] {"deployments", "deployment", "deploy", "Deployment", "deployments.apps",
                    "deployment.v1.apps", "deploy.apps"}) {
                assertEquals("deployments.apps", discovery.resolve(name).orElseThrow().qualifiedPlural(), name);
            }
            assertEquals("configmaps", discovery.resolve("cm").orElseThrow().qualifiedPlural());
            assertTrue(discovery.resolve("deployments.example.com").isEmpty());
        }
    }

    @Test
    void aSecondRunReadsTheCacheInsteadOfTheServer() {
        try (Connection connection = connect()) {
            new Discovery(connection).resources();
        }
        long before = server.discoveryRequests();
        try (Connection connection = connect()) {
            Discovery discovery = new Discovery(connection);
            assertEquals("Deployment", discovery.forKind("apps/v1", "Deployment").orElseThrow().kind());
        }
        assertEquals(before, server.discoveryRequests(), "the cached discovery is used");
    }

    @Test
    void anUnknownKindRefreshesTheCacheOnce() {
        try (Connection connection = connect()) {
            new Discovery(connection).resources();
        }
        long before = server.discoveryRequests();
        try (Connection connection = connect()) {
            Discovery discovery = new Discovery(connection);
            assertTrue(discovery.forKind("nope.io/v1", "Gadget").isEmpty());
            assertTrue(discovery.forKind("nope.io/v1", "Gadget").isEmpty());
        }
        assertEquals(before + 2, server.discoveryRequests(), "one refresh: /api and /apis once");
    }

    @Test
    void cacheDirectoryIsNamedLikeKubectls() {
        assertEquals("127.0.0.1_6443", Discovery.hostDirectory("https://127.0.0.1:6443"));
        assertEquals("example.com_8443/k8s", Discovery.hostDirectory("https://example.com:8443/k8s"));
    }
}
