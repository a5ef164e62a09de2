package dev.jctl.runtime.bench;

import dev.jctl.runtime.apiserver.ChildJvm;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A server under load, as its clients reach it: over HTTPS on loopback, with a bearer token, creating and reading
 * objects of one {@link Kind}.
 */
record Target(String name, ChildJvm process, LoadClients clients, Kind kind) {
    /** What the load writes and reads. */
    enum Kind {
        /** ConfigMaps of about 370 bytes (the storage benchmark's value size). */
        CONFIGMAP("configmaps"),
        /** ClusterIP Services, each of whose creates allocates an IP. */
        SERVICE("services");

        private static final String DATA = "v".repeat(300);

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        String body(String namespace, String name) {
            String meta = "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\"}";
            return this == CONFIGMAP
                    ? "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"," + meta + ",\"data\":{\"key\":\"" + DATA + "\"}}"
                    : "{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + meta + ",\"spec\":{\"selector\":{\"app\":\""
                    + name + "\"},\"ports\":[{\"port\":80,\"targetPort\":8080}]}}";
        }
    }

    LoadClient.Call create(String namespace, String name) {
        return new LoadClient.Call("POST", "/api/v1/namespaces/" + namespace + "/" + kind.plural,
                kind.body(namespace, name));
    }

    LoadClient.Call get(String namespace, String name) {
        return new LoadClient.Call("GET", "/api/v1/namespaces/" + namespace + "/" + kind.plural + "/" + name, null);
    }

    /** Any cheap request: what matters is that it opens the connection. */
    LoadClient.Call version() {
        return new LoadClient.Call("GET", "/version", null);
    }

    LoadClient.Call createNamespace(String namespace) {
        return new LoadClient.Call("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + namespace + "\"}}");
    }

    String watchPath(String namespace) {
        return "/api/v1/namespaces/" + namespace + "/" + kind.plural + "?watch=1&timeoutSeconds=600";
    }

    static SSLContext trusting(String caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** For the mock only, on loopback: an extended manager, so the JDK adds no hostname check of its own. */
    static SSLContext trustingAnything() throws Exception {
        X509ExtendedTrustManager any = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new javax.net.ssl.TrustManager[] {any}, null);
        return ssl;
    }
}
