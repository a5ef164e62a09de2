package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return get(HttpResponse.BodyHandlers.ofString(), path, headers);
    }

    private static <T> HttpResponse<T> get(HttpResponse.BodyHandler<T> body, String path, String... headers) {
        HttpRequest.Builder request = cluster.request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return cluster.http.send(request.build(), body);
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
        assertEquals("application/json", header(get("/openapi/v2", "Accept", "*/*"), "Content-Type"));
        assertEquals(304, get("/openapi/v2", "If-None-Match", etag).statusCode());
        HttpResponse<String> yamlOnly = get("/openapi/v2", "Accept", "application/yaml");
        assertEquals(406, yamlOnly.statusCode());
        assertEquals("Accept", header(yamlOnly, "Vary"));
    }

    /** kube-openapi serves the protobuf under the JSON's ETag, in one media type for both it accepts. */
    @Test
    void v2IsServedAsProtobufUnderTheSameEtag() {
        String etag = header(get("/openapi/v2", "Accept", "application/json"), "Etag");
        for (String accept : List.of(PROTOBUF_V2, "application/com.github.proto-openapi.spec.v2.v1.0+protobuf",
                PROTOBUF_V2 + ", application/json;q=0.5")) {
            HttpResponse<byte[]> r = get(HttpResponse.BodyHandlers.ofByteArray(), "/openapi/v2", "Accept", accept);
            assertEquals(200, r.statusCode(), accept);
            assertEquals("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", header(r, "Content-Type"));
            assertEquals(etag, header(r, "Etag"));
            assertEquals("Accept", header(r, "Vary"));
        }
        assertEquals(304, get("/openapi/v2", "Accept", PROTOBUF_V2, "If-None-Match", etag).statusCode());
        assertEquals("application/json", header(get("/openapi/v2", "Accept",
                "application/json, " + PROTOBUF_V2), "Content-Type"));
    }

    /**
     * Read back without generated code: the wire format's own structure, with the gnostic field numbers
     * (Document.paths 8 / definitions 9, Named* {name 1, value 2}, Schema.properties 25, vendor_extension 31 with
     * Any.yaml 2), finds every definition and path of the JSON document, and a custom resource's schema too.
     */
    @Test
    void v2ProtobufHoldsEveryDefinitionAndPathOfTheJson() throws Exception {
        CronTabs.establish(cluster, CronTabs.CRD);
        JsonNode json = TestCluster.JSON.readTree(get("/openapi/v2", "Accept", "application/json").body());
        UnknownFieldSet doc = UnknownFieldSet.parseFrom(get(HttpResponse.BodyHandlers.ofByteArray(), "/openapi/v2",
                "Accept", PROTOBUF_V2).body());
        assertEquals("2.0", doc.getField(1).getLengthDelimitedList().get(0).toStringUtf8());

        Map<String, UnknownFieldSet> definitions = named(message(doc, 9), 1);
        assertEquals(fieldNames(json.path("definitions")), List.copyOf(definitions.keySet()));
        UnknownFieldSet deployment = definitions.get("io.k8s.api.apps.v1.Deployment");
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec", "status"),
                List.copyOf(named(message(deployment, 25), 1).keySet()));
        Map<String, UnknownFieldSet> extensions = named(deployment, 31);
        String gvk = extensions.get("x-kubernetes-group-version-kind").getField(2)
                .getLengthDelimitedList().get(0).toStringUtf8();
        assertEquals("- group: apps\n  kind: Deployment\n  version: v1\n", gvk);
        assertTrue(definitions.containsKey("com.example.stable.v1.CronTab"), definitions.keySet().toString());

        Map<String, UnknownFieldSet> paths = named(message(doc, 8), 2);
        assertEquals(fieldNames(json.path("paths")), List.copyOf(paths.keySet()));
        assertTrue(paths.containsKey("/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static UnknownFieldSet message(UnknownFieldSet parent, int field) throws Exception {
        return UnknownFieldSet.parseFrom(parent.getField(field).getLengthDelimitedList().get(0));
    }

    /** The repeated {name 1, value 2} entries of {@code field}, by name, in wire order. */
    private static Map<String, UnknownFieldSet> named(UnknownFieldSet parent, int field) throws Exception {
        Map<String, UnknownFieldSet> entries = new LinkedHashMap<>();
        for (ByteString bytes : parent.getField(field).getLengthDelimitedList()) {
            UnknownFieldSet entry = UnknownFieldSet.parseFrom(bytes);
            entries.put(entry.getField(1).getLengthDelimitedList().get(0).toStringUtf8(), message(entry, 2));
        }
        return entries;
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
