package dev.jctl.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.FakeApiServer;
import dev.jctl.cli.testing.JctlRunner;
import dev.jctl.cli.testing.KubectlBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cluster, namespace and credentials a kubeconfig selection leads to. */
class ConnectionTest {
    @TempDir
    Path dir;

    @Test
    void namespaceComesFromTheFlagThenTheContext() throws IOException {
        try (FakeApiServer server = FakeApiServer.start()) {
            Path kubeconfig = server.writeKubeconfig(dir);
            Files.writeString(kubeconfig, Files.readString(kubeconfig).replace("namespace: default", "namespace: team"));
            try (Connection fromContext = Connection.open(new ConnectionSettings(kubeconfig, null, null, dir))) {
                assertEquals("team", fromContext.namespace());
                assertFalse(fromContext.namespaceEnforced());
            }
            try (Connection fromFlag = Connection.open(new ConnectionSettings(kubeconfig, null, "other", dir))) {
                assertEquals("other", fromFlag.namespace());
                assertTrue(fromFlag.namespaceEnforced());
            }
        }
    }

    private static String kubeconfig(String name, String namespace) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: " + name + "\n  cluster:\n    server: https://" + name
                + ".example:6443\nusers:\n- name: " + name + "\n  user:\n    token: t-" + name + "\ncontexts:\n- name: "
                + name + "\n  context: {cluster: " + name + ", user: " + name + ", namespace: " + namespace
                + "}\ncurrent-context: " + name + "\n";
    }

    /** KUBECONFIG's files are merged as kubectl merges them: the first current-context wins, --context picks any. */
    @Test
    void severalKubeconfigFilesAreMerged() throws IOException {
        Path first = Files.writeString(dir.resolve("first"), kubeconfig("one", "alpha"));
        Path second = Files.writeString(dir.resolve("second"), kubeconfig("two", "beta"));
        // fabric8 reads the system property before the KUBECONFIG variable, which a test cannot set.
        String previous = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", first + java.io.File.pathSeparator + second);
        try {
            try (Connection merged = Connection.open(new ConnectionSettings(null, null, null, dir))) {
                assertEquals("https://one.example:6443", merged.server());
                assertEquals("alpha", merged.namespace());
            }
            try (Connection other = Connection.open(new ConnectionSettings(null, "two", null, dir))) {
                assertEquals("https://two.example:6443", other.server());
                assertEquals("beta", other.namespace());
            }
        } finally {
            if (previous == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", previous);
            }
        }
    }

    @Test
    void theBearerTokenOfTheKubeconfigIsSent() throws IOException {
        try (FakeApiServer server = FakeApiServer.start()) {
            server.reply("GET /api/v1/namespaces/default/configmaps/c", 200, "{\"kind\":\"ConfigMap\"}");
            try (Connection connection = Connection.open(new ConnectionSettings(server.writeKubeconfig(dir), null,
                    null, dir))) {
                connection.get("/api/v1/namespaces/default/configmaps/c");
            }
            assertEquals("Bearer t", server.requests().get(0).authorization());
        }
    }

    /** Nothing listens on the port: both tools print kubectl's one line about it, and fail. */
    @Test
    void aRefusedConnectionIsReportedAsKubectlReportsIt() throws IOException {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Path kubeconfig = Files.writeString(dir.resolve("refused"), kubeconfig("refused", "default")
                .replace("https://refused.example:6443", "https://127.0.0.1:" + port));
        CommandRun kubectl = KubectlBinary.require(kubeconfig, dir.resolve("kubectl-cache"))
                .run(dir, List.of("get", "configmaps"));
        CommandRun jctl = new JctlRunner(kubeconfig, dir.resolve("jctl-cache")).run("get", "configmaps");
        String expected = "The connection to the server 127.0.0.1:" + port
                + " was refused - did you specify the right host or port?";
        assertEquals(1, kubectl.exit());
        assertEquals(expected, kubectl.err().strip().lines().reduce((a, b) -> b).orElse(""));
        assertEquals(1, jctl.exit());
        assertEquals(expected + "\n", jctl.err());
    }

    @Test
    void aStatusAnswerBecomesKubectlsErrorLine() throws IOException {
        try (FakeApiServer server = FakeApiServer.start();
             Connection connection = Connection.open(new ConnectionSettings(server.writeKubeconfig(dir), null, null,
                     dir))) {
            ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                    () -> connection.get("/api/v1/namespaces/default/configmaps/missing"));
            assertEquals("Error from server (NotFound): the server could not find the requested resource",
                    e.kubectlMessage());
        }
    }
}
