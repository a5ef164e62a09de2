package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.ClusterRuntime;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.rest.ServiceRanges;
import dev.jctl.runtime.apiserver.security.BearerToken;
import dev.jctl.runtime.apiserver.security.TlsMaterial;
import dev.jctl.runtime.storage.Storage;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;

/**
 * An in-process cluster on a free port with the memory store, and an HTTPS client that trusts only its CA and
 * sends its token. Tests talk to it exactly as kubectl does: over TLS, with a bearer token, in JSON.
 */
final class TestCluster implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final String server;
    final String token;
    final String caPem;
    final HttpClient http;
    private final Runnable shutdown;

    /** A JSON answer: status code, body, the Content-Type it came with and its {@code Warning} headers in order. */
    record Response(int code, JsonNode body, String contentType, String raw, List<String> warnings) {
    }

    private TestCluster(String server, String token, String caPem, Runnable shutdown) {
        this.server = server;
        this.token = token;
        this.caPem = caPem;
        this.http = client(caPem);
        this.shutdown = shutdown;
    }

    static TestCluster start(Path dir) {
        return start(ClusterRuntime.Options.of(dir.resolve("data")).withKubeconfig(dir.resolve("kubeconfig"))
                .withStorage("memory", null));
    }

    static TestCluster start(ClusterRuntime.Options options) {
        ClusterRuntime runtime = ClusterRuntime.start(options);
        return new TestCluster(runtime.server(), runtime.token(), runtime.caCertPem(), runtime::close);
    }

    /** An API server alone over a store the test holds, to compact it or inspect it underneath the API. */
    static TestCluster over(Storage storage, Path dataDir, Duration bookmarkInterval) {
        TlsMaterial tls = TlsMaterial.loadOrCreate(dataDir);
        BearerToken token = BearerToken.loadOrCreate(dataDir);
        KindRegistry registry = KindRegistry.builtin();
        ApiServer server = new ApiServer(storage, registry, tls, token, bookmarkInterval, ServiceRanges.DEFAULT);
        ObjectNode ns = JSON.createObjectNode();
        ns.putObject("metadata").put("name", "default");
        server.router().creator().create(registry.find("", "v1", "namespaces").orElseThrow(), ns, false);
        int port = server.start(0);
        return new TestCluster("https://127.0.0.1:" + port, token.value(), tls.caCertPem(), server::close);
    }

    static HttpClient client(String caPem) {
        try (InputStream in = new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("jctl-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw.isEmpty() || !raw.trim().startsWith("{") ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""), raw,
                    response.headers().allValues("Warning"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response patch(String path, String contentType, String json) {
        return send(request(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    @Override
    public void close() {
        shutdown.run();
    }
}
