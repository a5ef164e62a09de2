package dev.jctl.cli.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.CertUtils;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which server certificates a connection accepts, as client-go decides it: with {@code certificate-authority} or
 * {@code certificate-authority-data}, only certificates those CAs issued (the JDK's public roots are not asked, as
 * fabric8's own trust store would ask them); without, the JDK's default roots, as kubectl then uses the system's;
 * with {@code insecure-skip-tls-verify}, any certificate for any host name.
 */
final class ClusterTrust {
    private ClusterTrust() {
    }

    static TrustManager[] managers(Config config) {
        try {
            if (config.isTrustCerts()) {
                return SSLUtils.trustManagers(null, null, true, null, null);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(authorities(config));
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("unable to load root certificates from " + source(config) + ": "
                    + e.getMessage(), e);
        }
    }

    private static String source(Config config) {
        return blankToNull(config.getCaCertData()) != null ? "certificate-authority-data" : config.getCaCertFile();
    }

    /** A store of the kubeconfig's CAs, or null (the JDK's default roots) when it names none. */
    private static KeyStore authorities(Config config) throws GeneralSecurityException, IOException {
        String data = blankToNull(config.getCaCertData());
        String file = blankToNull(config.getCaCertFile());
        if (data == null && file == null) {
            return null;
        }
        Collection<? extends Certificate> certificates;
        try (InputStream pem = CertUtils.getInputStreamFromDataOrFile(data, file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return store;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
