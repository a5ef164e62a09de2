package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /openapi/v2 and the caching headers of /openapi/v3, as kube-openapi's handlers answer. */
class OpenApiHttpTest {
    private static final String PROTOBUF_V2 = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = cluster.request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return cluster.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void v2IsServedAsJsonWithAnEtag() throws Exception {
        HttpResponse<String> r = get("/openapi/v2", "Accept", "application/json");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", header(r, "Content-Type"));
        JsonNode doc = TestCluster.JSON.readTree(r.body());
        assertEquals("2.0", doc.path("swagger").asText());
        assertTrue(doc.path("definitions").has("io.k8s.api.apps.v1.Deployment"));
        String etag = header(r, "Etag");
        assertTrue(etag.matches("\"[0-9A-F]{128}\""), etag);
        assertEquals(200, get("/openapi/v2", "Accept", "*/*").statusCode());
        assertEquals(200, get("/openapi/v2", "Accept", PROTOBUF_V2 + ", application/json;q=0.5").statusCode());
        assertEquals(304, get("/openapi/v2", "If-None-Match", etag).statusCode());
        HttpResponse<String> protobufOnly = get("/openapi/v2", "Accept", PROTOBUF_V2);
        assertEquals(406, protobufOnly.statusCode());
        assertEquals("Accept", header(protobufOnly, "Vary"));
    }

    @Test
    void v3DocumentsAreCacheableByTheirHash() throws Exception {
        HttpResponse<String> indexResponse = get("/openapi/v3");
        String url = TestCluster.JSON.readTree(indexResponse.body()).path("paths").path("apis/apps/v1")
                .path("serverRelativeURL").asText();
        assertTrue(url.matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{128}"), url);
        String hash = url.substring(url.indexOf('=') + 1);

        HttpResponse<String> hashed = get(url, "Accept", "application/json");
        assertEquals(200, hashed.statusCode());
        assertEquals("public, immutable", header(hashed, "Cache-Control"));
        assertTrue(header(hashed, "Expires").endsWith(" UTC"), header(hashed, "Expires"));
        assertEquals("\"" + hash + "\"", header(hashed, "Etag"), "the hash is the document's ETag");
        assertEquals("Accept", header(hashed, "Vary"));

        HttpResponse<String> plain = get("/openapi/v3/apis/apps/v1");
        assertEquals(200, plain.statusCode());
        assertEquals(null, header(plain, "Cache-Control"), "only hashed URLs are immutable");
        assertEquals(hashed.body(), plain.body());
        assertEquals(304, get("/openapi/v3/apis/apps/v1", "If-None-Match", "\"" + hash + "\"").statusCode());

        HttpResponse<String> stale = get("/openapi/v3/apis/apps/v1?hash=0123");
        assertEquals(301, stale.statusCode());
        assertEquals(url, header(stale, "Location"));
        assertEquals(406, get("/openapi/v3/apis/apps/v1", "Accept",
                "application/com.github.proto-openapi.spec.v3.v1.0+protobuf").statusCode());
        assertEquals(404, get("/openapi/v3/apis/nope/v1").statusCode());
    }
}
