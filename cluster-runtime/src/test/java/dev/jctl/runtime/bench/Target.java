package dev.jctl.runtime.bench;

import dev.jctl.runtime.apiserver.ChildJvm;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * A server under load, as its clients reach it: over HTTPS on loopback, with a bearer token, creating and reading
 * ConfigMaps of about 370 bytes (the storage benchmark's value size).
 *
 * @param ssl trusts the server's CA, or anything for the fabric8 mock, whose certificate is self-signed per run
 */
record Target(String name, ChildJvm process, String base, SSLContext ssl, String token, HttpClient.Version http) {
    private static final String DATA = "v".repeat(300);

    /**
     * One client, as one kubectl or controller would hold: its own connection and selector thread, speaking
     * {@code http} (HTTP/2 is offered by ALPN and falls back to HTTP/1.1 where the server has no HTTP/2).
     */
    HttpClient newClient() {
        return newClient(http);
    }

    /**
     * An HTTP/1.1 client, one connection per request in flight: what the watch phase holds its hundreds of watches
     * on, since an HTTP/2 server limits the streams of one connection (Vert.x to 100 by default).
     */
    HttpClient newHttp1Client() {
        return newClient(HttpClient.Version.HTTP_1_1);
    }

    private HttpClient newClient(HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(ssl).version(version).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpRequest create(String namespace, String name) {
        return request("/api/v1/namespaces/" + namespace + "/configmaps").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                        + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\"},"
                        + "\"data\":{\"key\":\"" + DATA + "\"}}")).build();
    }

    HttpRequest get(String namespace, String name) {
        return request("/api/v1/namespaces/" + namespace + "/configmaps/" + name).GET().build();
    }

    /** Any cheap request: what matters is that it opens the connection. */
    HttpRequest version() {
        return request("/version").GET().build();
    }

    HttpRequest createNamespace(String namespace) {
        return request("/api/v1/namespaces").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"" + namespace + "\"}}")).build();
    }

    HttpRequest watch(String namespace) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/namespaces/" + namespace
                        + "/configmaps?watch=1&timeoutSeconds=600"))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
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
