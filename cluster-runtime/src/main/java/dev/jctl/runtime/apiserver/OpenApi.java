package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.openapi.OpenApiV2Document;
import dev.jctl.runtime.apiserver.openapi.OpenApiV3Documents;
import dev.jctl.runtime.apiserver.openapi.SchemaCatalog;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /openapi/v2} and {@code /openapi/v3} served as kube-openapi's handlers serve them, so that kubectl and
 * client-go cache the documents: every answer has an {@code ETag} (the upper-case hex SHA-512 of the JSON, quoted)
 * and a matching {@code If-None-Match} gets 304; the v3 index points at each group-version as
 * {@code /openapi/v3/apis/apps/v1?hash=<ETAG>}; a request with the current hash is cacheable forever
 * ({@code Cache-Control: public, immutable}), one with a stale hash is redirected (301) to the current URL.
 * Only JSON is served: a client that accepts nothing but protobuf gets 406.
 */
final class OpenApi {
    private static final String V3 = "/openapi/v3";
    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.US);

    private final OpenApiV3Documents documents;
    private final OpenApiV2Document v2;
    /** Serialised documents by path, reused for as long as the builders hand out the same document. */
    private final Map<String, Serialised> serialised = new ConcurrentHashMap<>();

    private record Serialised(JsonNode document, byte[] bytes, String etag) {
    }

    OpenApi(KindRegistry registry) {
        String version = "v" + Version.MAJOR + "." + Version.MINOR + ".0";
        this.documents = new OpenApiV3Documents(registry, SchemaCatalog::builtin, version);
        this.v2 = new OpenApiV2Document(registry, SchemaCatalog::builtin, version);
    }

    static boolean handles(String path) {
        return path.equals("/openapi/v2") || path.equals(V3) || path.startsWith(V3 + "/");
    }

    void serve(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        String path = request.path();
        if (path.equals(V3) || path.equals(V3 + "/")) {
            send(request, serialise(V3, index()));
            return;
        }
        response.headers().add("Vary", "Accept");
        if (!acceptsJson(request.getHeader("Accept"))) {
            response.setStatusCode(406).end();
            return;
        }
        if (path.equals("/openapi/v2")) {
            send(request, serialise(path, v2.document()));
            return;
        }
        String gv = path.substring(V3.length() + 1);
        Serialised doc = serialise(path, groupVersion(gv));
        String hash = request.getParam("hash");
        if (hash != null && !hash.isEmpty()) {
            if (!hash.equals(doc.etag())) {
                response.putHeader("Location", V3 + "/" + gv + "?hash=" + doc.etag()).setStatusCode(301).end();
                return;
            }
            response.putHeader("Cache-Control", "public, immutable");
            response.putHeader("Expires", RFC1123.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(1)));
        }
        send(request, doc);
    }

    /** The v3 index with each group-version's URL carrying its document's hash. */
    private ObjectNode index() {
        ObjectNode index = documents.index();
        index.path("paths").fields().forEachRemaining(e -> {
            String gv = e.getKey();
            String etag = serialise(V3 + "/" + gv, groupVersion(gv)).etag();
            ((ObjectNode) e.getValue()).put("serverRelativeURL", V3 + "/" + gv + "?hash=" + etag);
        });
        return index;
    }

    /** {@code gv} is "api/v1" or "apis/&lt;group&gt;/&lt;version&gt;". */
    private ObjectNode groupVersion(String gv) {
        String[] parts = gv.split("/");
        if (parts.length == 2 && parts[0].equals("api")) {
            return documents.forGroupVersion("", parts[1]).orElseThrow(ApiException::noSuchResource);
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return documents.forGroupVersion(parts[1], parts[2]).orElseThrow(ApiException::noSuchResource);
        }
        throw ApiException.noSuchResource();
    }

    private Serialised serialise(String key, JsonNode document) {
        return serialised.compute(key, (k, cached) -> {
            if (cached != null && cached.document() == document) {
                return cached;
            }
            byte[] bytes = Json.bytes(document);
            return new Serialised(document, bytes, sha512Hex(bytes));
        });
    }

    private static void send(HttpServerRequest request, Serialised doc) {
        HttpServerResponse response = request.response();
        String etag = "\"" + doc.etag() + "\"";
        response.putHeader("Etag", etag);
        response.putHeader("Content-Type", MediaTypes.JSON);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.setStatusCode(200).end(Buffer.buffer(doc.bytes()));
    }

    /**
     * goautoneg's reading of Accept as kube-openapi uses it: JSON is acceptable when a clause with a non-zero
     * quality names application/json, application/* or *&#47;*; no Accept header means anything.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String clause : accept.split(",")) {
            String[] parts = clause.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                refused |= param.equals("q=0") || param.matches("q=0\\.0*");
            }
            if (!refused && (type.equals(MediaTypes.JSON) || type.equals("application/*") || type.equals("*/*"))) {
                return true;
            }
        }
        return false;
    }

    static String sha512Hex(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
    }
}
