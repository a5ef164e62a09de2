package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.openapi.OpenApiV2Document;
import dev.jctl.runtime.apiserver.openapi.OpenApiV2Protobuf;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /openapi/v2} and {@code /openapi/v3} served as kube-openapi's handlers serve them, so that kubectl and
 * client-go cache the documents: every answer has an {@code ETag} (the upper-case hex SHA-512 of the JSON, quoted)
 * and a matching {@code If-None-Match} gets 304; the v3 index points at each group-version as
 * {@code /openapi/v3/apis/apps/v1?hash=<ETAG>}; a request with the current hash is cacheable forever
 * ({@code Cache-Control: public, immutable}), one with a stale hash is redirected (301) to the current URL.
 * v2 is also served as gnostic's protobuf {@code openapi.v2.Document}, which kubectl asks for when it validates a
 * {@code kind: List} file, under the JSON's ETag (the answer varies by Accept); v3 only as JSON. A client that
 * accepts none of the served types gets 406.
 */
final class OpenApi {
    private static final String V3 = "/openapi/v3";
    private static final String V2 = "/openapi/v2";
    /** kube-openapi answers both protobuf media types it accepts with this one. */
    static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    private static final List<String> PROTOBUF_ACCEPTED = List.of(
            "com.github.proto-openapi.spec.v2@v1.0+protobuf", "com.github.proto-openapi.spec.v2.v1.0+protobuf");
    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.US);

    private final OpenApiV3Documents documents;
    private final OpenApiV2Document v2;
    /** Serialised documents by path, reused for as long as the builders hand out the same document. */
    private final Map<String, Serialised> serialised = new ConcurrentHashMap<>();

    private record Serialised(JsonNode document, byte[] bytes, String etag) {
    }

    /** The representations a document is served in. */
    enum Format { JSON, PROTOBUF }

    OpenApi(KindRegistry registry) {
        String version = "v" + Version.MAJOR + "." + Version.MINOR + ".0";
        this.documents = new OpenApiV3Documents(registry, SchemaCatalog::builtin, version);
        this.v2 = new OpenApiV2Document(registry, SchemaCatalog::builtin, version);
    }

    static boolean handles(String path) {
        return path.equals(V2) || path.equals(V3) || path.startsWith(V3 + "/");
    }

    void serve(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        String path = request.path();
        if (path.equals(V3) || path.equals(V3 + "/")) {
            send(request, serialise(V3, index()), MediaTypes.JSON);
            return;
        }
        response.headers().add("Vary", "Accept");
        boolean isV2 = path.equals(V2);
        Optional<Format> format = negotiate(request.getHeader("Accept"), isV2);
        if (format.isEmpty()) {
            response.setStatusCode(406).end();
            return;
        }
        if (isV2) {
            Serialised json = serialise(path, v2.document());
            if (format.get() == Format.PROTOBUF) {
                send(request, protobuf(json), PROTOBUF);
            } else {
                send(request, json, MediaTypes.JSON);
            }
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
        send(request, doc, MediaTypes.JSON);
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

    /** The protobuf encoding of the v2 JSON document, made once per document, under the JSON's ETag. */
    private Serialised protobuf(Serialised json) {
        return serialised.compute(V2 + "#protobuf", (k, cached) -> {
            if (cached != null && cached.document() == json.document()) {
                return cached;
            }
            return new Serialised(json.document(), OpenApiV2Protobuf.encode(json.document()), json.etag());
        });
    }

    private static void send(HttpServerRequest request, Serialised doc, String contentType) {
        HttpServerResponse response = request.response();
        String etag = "\"" + doc.etag() + "\"";
        response.putHeader("Etag", etag);
        response.putHeader("Content-Type", contentType);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        response.setStatusCode(200).end(Buffer.buffer(doc.bytes()));
    }

    /**
     * kube-openapi's choice: the Accept clauses in goautoneg's order (quality, then the more specific type first;
     * no header means anything), and for the first clause that matches, JSON before protobuf. A clause of quality
     * zero refuses its type.
     */
    static Optional<Format> negotiate(String accept, boolean protobufServed) {
        record Clause(String type, String subtype, double q, int order) {
            int specificity() {
                return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
            }
        }
        List<Clause> clauses = new ArrayList<>();
        String header = accept == null || accept.isBlank() ? "*/*" : accept;
        for (String text : header.split(",")) {
            String[] parts = text.split(";");
            String media = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) {
                clauses.add(slash < 0 ? new Clause(media, "*", q, clauses.size())
                        : new Clause(media.substring(0, slash), media.substring(slash + 1), q, clauses.size()));
            }
        }
        clauses.sort(Comparator.comparingDouble(Clause::q).reversed()
                .thenComparing(Comparator.comparingInt(Clause::specificity).reversed())
                .thenComparingInt(Clause::order));
        for (Clause c : clauses) {
            if (!c.type().equals("application") && !c.type().equals("*")) {
                continue;
            }
            if (c.subtype().equals("json") || c.subtype().equals("*")) {
                return Optional.of(Format.JSON);
            }
            if (protobufServed && PROTOBUF_ACCEPTED.contains(c.subtype())) {
                return Optional.of(Format.PROTOBUF);
            }
        }
        return Optional.empty();
    }

    static String sha512Hex(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
    }
}
