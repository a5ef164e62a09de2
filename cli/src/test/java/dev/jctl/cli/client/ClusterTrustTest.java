package dev.jctl.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.JctlRunner;
import dev.jctl.cli.testing.KubectlBinary;
import dev.jctl.cli.testing.LiveCluster;
import dev.jctl.runtime.apiserver.security.TlsMaterial;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which server certificates jctl accepts, held to kubectl's rules: a CA named in the kubeconfig is the only one
 * trusted, however trusted the server's real CA is elsewhere; without one, the machine's roots decide. "The
 * machine's roots" are a trust store holding the cluster's CA: the JDK's (javax.net.ssl.trustStore) for jctl,
 * SSL_CERT_FILE for kubectl.
 */
class ClusterTrustTest {
    private static final String UNKNOWN_AUTHORITY =
            "Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown "
                    + "authority";

    @TempDir
    static Path dir;
    private static LiveCluster cluster;
    private static Path clusterCa;
    private static Path systemRoots;

    @BeforeAll
    static void start() throws IOException, GeneralSecurityException {
        cluster = LiveCluster.start(dir.resolve("cluster"));
        clusterCa = dir.resolve("cluster").resolve("data").resolve("pki").resolve("ca.crt");
        systemRoots = dir.resolve("roots.p12");
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("cluster", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(clusterCa))));
        try (OutputStream out = Files.newOutputStream(systemRoots)) {
            roots.store(out, "changeit".toCharArray());
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** The cluster's kubeconfig with its certificate-authority-data line replaced by {@code line} (or dropped). */
    private static Path kubeconfig(String name, String line) throws IOException {
        String text = Files.readString(cluster.kubeconfig())
                .replaceFirst("(?m)^(\\s*)certificate-authority-data: .*$", line == null ? "" : "$1" + line);
        return Files.writeString(dir.resolve(name), text);
    }

    private static String otherCa() {
        TlsMaterial other = TlsMaterial.loadOrCreate(dir.resolve("other"));
        return "certificate-authority-data: "
                + Base64.getEncoder().encodeToString(other.caCertPem().getBytes(StandardCharsets.US_ASCII));
    }

    private static <T> T withSystemRoots(java.util.function.Supplier<T> action) {
        System.setProperty("javax.net.ssl.trustStore", systemRoots.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        try {
            return action.get();
        } finally {
            System.clearProperty("javax.net.ssl.trustStore");
            System.clearProperty("javax.net.ssl.trustStorePassword");
        }
    }

    private static int namespaces(Path kubeconfig) {
        try (Connection connection = Connection.open(new ConnectionSettings(kubeconfig, null, null,
                dir.resolve("cache")))) {
            return connection.get("/api/v1/namespaces").path("items").size();
        }
    }

    @Test
    void aCaOfTheKubeconfigIsTheOnlyOneTrusted() throws IOException {
        Path wrongCa = kubeconfig("wrong-ca", otherCa());
        ServerUnreachable refused = assertThrows(ServerUnreachable.class,
                () -> withSystemRoots(() -> namespaces(wrongCa)));
        assertEquals(UNKNOWN_AUTHORITY, refused.getMessage());
        assertEquals(4, namespaces(cluster.kubeconfig()), "the cluster's own CA is trusted");
    }

    @Test
    void withoutACaTheSystemRootsDecide() throws IOException {
        Path noCa = kubeconfig("no-ca", null);
        assertEquals(4, withSystemRoots(() -> namespaces(noCa)));
        ServerUnreachable refused = assertThrows(ServerUnreachable.class, () -> namespaces(noCa));
        assertEquals(UNKNOWN_AUTHORITY, refused.getMessage());
    }

    @Test
    void insecureSkipTlsVerifyAcceptsAnyCertificate() throws IOException {
        assertEquals(4, namespaces(kubeconfig("insecure", "insecure-skip-tls-verify: true")));
    }

    @Test
    void aCaThatIsNotACertificateNamesTheKubeconfigField() throws IOException {
        Path badCa = kubeconfig("bad-ca", "certificate-authority-data: "
                + Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.US_ASCII)));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> namespaces(badCa));
        assertEquals("unable to load root certificates from certificate-authority-data: No certificate data found",
                error.getMessage());
    }

    /** Both tools refuse the server when the machine trusts its CA but the kubeconfig names another, in one line. */
    @Test
    void kubectlAndJctlRefuseTheSameServer() throws IOException {
        Path wrongCa = kubeconfig("wrong-ca-both", otherCa());
        Path cache = dir.resolve("cache-both");
        CommandRun kubectl = KubectlBinary.require(wrongCa, cache.resolve("kubectl"))
                .run(dir, Map.of("SSL_CERT_FILE", clusterCa.toString()), List.of("get", "namespaces"));
        CommandRun jctl = new JctlRunner(wrongCa, cache.resolve("jctl")).runProcess(Map.of("JAVA_TOOL_OPTIONS",
                "-Djavax.net.ssl.trustStore=" + systemRoots + " -Djavax.net.ssl.trustStorePassword=changeit"),
                List.of("get", "namespaces"));
        assertEquals(1, kubectl.exit(), kubectl.err());
        assertEquals(1, jctl.exit(), jctl.err());
        assertEquals("", jctl.out());
        assertEquals(UNKNOWN_AUTHORITY, lastLine(jctl.err()));
        // Go adds a hint when a trusted CA has the issuer's name but did not sign the certificate (both CAs here are
        // jctl-ca); jctl's line stops before it.
        assertTrue(lastLine(kubectl.err()).startsWith(UNKNOWN_AUTHORITY), kubectl.err());
        // And with no CA in the kubeconfig, both take the machine's word for it.
        Path noCa = kubeconfig("no-ca-both", null);
        CommandRun trusted = KubectlBinary.require(noCa, cache.resolve("kubectl"))
                .run(dir, Map.of("SSL_CERT_FILE", clusterCa.toString()), List.of("get", "namespaces", "-o", "name"));
        assertEquals(0, trusted.exit(), trusted.err());
        assertEquals("namespace/default", trusted.out().lines().findFirst().orElse(""));
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
