package dev.jctl.runtime.apiserver.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsMaterialTest {
    @TempDir
    Path dir;

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void servingCertificateIsSignedByTheCaForLoopbackNames() throws Exception {
        TlsMaterial tls = TlsMaterial.loadOrCreate(dir);
        X509Certificate ca = parse(tls.caCertPem());
        X509Certificate serving = parse(tls.servingCertPem());
        serving.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0, "the CA is a CA");
        assertEquals(-1, serving.getBasicConstraints());
        List<String> sans = new ArrayList<>();
        serving.getSubjectAlternativeNames().forEach(san -> sans.add(String.valueOf(san.get(1))));
        assertTrue(sans.containsAll(List.of("localhost", "127.0.0.1")), sans.toString());
        assertTrue(sans.stream().anyMatch(s -> s.startsWith("0:0:0:0:0:0:0:1")), sans.toString());
        assertTrue(serving.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    }

    @Test
    void materialAndTokenAreReusedAcrossRestarts() {
        TlsMaterial first = TlsMaterial.loadOrCreate(dir);
        TlsMaterial second = TlsMaterial.loadOrCreate(dir);
        assertEquals(first.caCertPem(), second.caCertPem());
        assertEquals(first.servingCertPem(), second.servingCertPem());
        assertEquals(BearerToken.loadOrCreate(dir).value(), BearerToken.loadOrCreate(dir).value());
        assertNotEquals(first.caCertPem(), TlsMaterial.loadOrCreate(dir.resolve("other")).caCertPem());
    }

    @Test
    void tokensAreComparedExactly() {
        BearerToken token = BearerToken.loadOrCreate(dir);
        assertTrue(token.accepts("Bearer " + token.value()));
        assertTrue(token.accepts("bearer " + token.value()));
        assertTrue(!token.accepts("Bearer " + token.value() + "x"));
        assertTrue(!token.accepts(token.value()));
        assertTrue(!token.accepts(null));
    }
}
