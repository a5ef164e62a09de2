package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.crd.CrdController;
import dev.jctl.runtime.apiserver.discovery.Discovery;
import dev.jctl.runtime.apiserver.metrics.RequestMetrics;
import dev.jctl.runtime.apiserver.protobuf.KubeProtobuf;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.rest.ApiRequest;
import dev.jctl.runtime.apiserver.rest.Creator;
import dev.jctl.runtime.apiserver.rest.ObjectStore;
import dev.jctl.runtime.apiserver.rest.PathResolver;
import dev.jctl.runtime.apiserver.rest.Rendering;
import dev.jctl.runtime.apiserver.rest.Reply;
import dev.jctl.runtime.apiserver.rest.RequestTarget;
import dev.jctl.runtime.apiserver.rest.ResourceRouter;
import dev.jctl.runtime.apiserver.rest.ServiceRanges;
import dev.jctl.runtime.apiserver.rest.StoredItems;
import dev.jctl.runtime.apiserver.rest.Watcher;
import dev.jctl.runtime.apiserver.security.BearerToken;
import dev.jctl.runtime.apiserver.security.TlsMaterial;
import dev.jctl.runtime.apiserver.table.TableConverter;
import dev.jctl.runtime.storage.Storage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTPS front of the API server on Vert.x: bearer-token authentication, the 3 MiB body limit, the
 * non-resource endpoints (version, health, discovery, OpenAPI, metrics) and the resource router, whose storage calls run
 * on Vert.x worker threads because stores block.
 */
public final class ApiServer implements AutoCloseable {
    /** kube-apiserver's default --max-request-bytes for JSON bodies. */
    public static final int MAX_BODY_BYTES = 3 * 1024 * 1024;
    /** How long a rejected request's body is still read before its connection is closed anyway. */
    private static final long REJECT_LINGER_MS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Set<String> PUBLIC_PATHS = Set.of("/healthz", "/livez", "/readyz", "/version");

    private final Vertx vertx;
    private final TlsMaterial tls;
    private final BearerToken token;
    private final KindRegistry registry;
    private final PathResolver paths;
    private final ResourceRouter router;
    private final Discovery discovery;
    private final OpenApi openApi;
    private final TableConverter tables;
    private final RequestMetrics metrics = new RequestMetrics();
    private final ScheduledExecutorService timers;
    private final CrdController crds;
    private HttpServer server;

    public ApiServer(Storage storage, KindRegistry registry, TlsMaterial tls, BearerToken token,
                     Duration bookmarkInterval, ServiceRanges serviceRanges) {
        this.vertx = Vertx.vertx();
        this.tls = tls;
        this.token = token;
        this.registry = registry;
        this.paths = new PathResolver(registry);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apiserver-watch-timers");
            t.setDaemon(true);
            return t;
        });
        Clock clock = Clock.systemUTC();
        this.router = new ResourceRouter(new ObjectStore(storage), registry, serviceRanges, clock, timers,
                bookmarkInterval);
        this.crds = CrdController.start(storage, registry, clock);
        this.discovery = new Discovery(registry);
        this.openApi = new OpenApi(registry);
        this.tables = new TableConverter(clock);
    }

    public ResourceRouter router() {
        return router;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and returns the bound port. */
    public int start(int port) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertValue(Buffer.buffer(tls.servingCertPem()))
                        .setKeyValue(Buffer.buffer(tls.servingKeyPem())))
                .setCompressionSupported(false);
        if (OpenSSLEngineOptions.isAvailable()) {
            // BoringSSL encrypts several times faster than the JDK's SSLEngine, whose per-write getSession() lock
            // took an eighth of the server's CPU under load; without the native library the JDK engine serves
            options.setSslEngineOptions(new OpenSSLEngineOptions());
        }
        // HTTP/2 lets kubectl and informers multiplex their requests and watches over one TLS connection
        options.setUseAlpn(true);
        server = vertx.createHttpServer(options).requestHandler(this::onRequest);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        return server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        crds.close();
        timers.shutdownNow();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("vert.x did not stop cleanly", e);
        }
        router.close();
    }

    private void onRequest(HttpServerRequest request) {
        String path = request.path();
        if (!PUBLIC_PATHS.contains(path) && !token.accepts(request.getHeader("Authorization"))) {
            request.resume();
            send(request.response(), ApiException.unauthorized());
            return;
        }
        if (ResourceRouter.isWatchUpgrade(request.method().name(), request.getHeader("Upgrade"))) {
            upgradeToWebSocket(request);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.length() < 19 && Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
            rejectTooLarge(request);
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                if (!request.response().ended()) {
                    rejectTooLarge(request);
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        Context context = vertx.getOrCreateContext();
        request.endHandler(done -> {
            if (!request.response().ended()) {
                vertx.executeBlocking(() -> {
                    dispatch(context, request, body.getBytes());
                    return null;
                }, false).onFailure(e -> failed(request.response(), e));
            }
        });
    }

    /**
     * 413 and the end of the connection. Closing while the client still sends the body would reset the connection
     * and lose the answer, so, as Go's server does (closeWriteAndWait), the rest of the body is read and dropped and
     * the connection closed once it ended or after {@code REJECT_LINGER_MS}, whichever comes first.
     */
    private void rejectTooLarge(HttpServerRequest request) {
        request.response().putHeader("Connection", "close");
        send(request.response(), ApiException.tooLarge());
        request.handler(chunk -> {
        });
        long timer = vertx.setTimer(REJECT_LINGER_MS, t -> request.connection().close());
        request.endHandler(done -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }

    /**
     * Handles a request on a worker thread. A create still waiting for its commit when the worker is done with it
     * is answered from {@code context} (the connection's event loop) once the commit completes, so no worker
     * stays parked for the commit.
     */
    private void dispatch(Context context, HttpServerRequest request, byte[] body) {
        HttpServerResponse response = request.response();
        long started = System.nanoTime();
        try {
            Optional<RequestTarget> target = paths.resolve(request.path());
            if (target.isEmpty()) {
                nonResource(request, response);
                return;
            }
            String contentType = request.getHeader("Content-Type");
            if (KubeProtobuf.isProtobuf(contentType) && body.length > 0) {
                body = Json.bytes(KubeProtobuf.toJson(body));
                contentType = MediaTypes.JSON;
            }
            ApiRequest api = new ApiRequest(request.method().name(), target.get(), query(request), contentType, body,
                    request.getHeader("User-Agent"));
            boolean watch = ResourceRouter.isWatch(api);
            response.endHandler(v -> metrics.observe(api, watch, response.getStatusCode(),
                    System.nanoTime() - started));
            String table = MediaTypes.tableVersion(request.getHeader("Accept"));
            Rendering render = render(api, table);
            if (watch) {
                HttpEventSink sink = new HttpEventSink(response);
                router.watch(api, sink, render);
                sink.open();
                return;
            }
            CompletableFuture<Reply> reply = router.handleAsync(api);
            if (reply.isDone()) {
                respond(request, api, Creator.join(reply), table, render);
            } else {
                reply.whenComplete((done, failure) -> context.runOnContext(v -> {
                    try {
                        respond(request, api, failure == null ? done : Creator.join(reply), table, render);
                    } catch (RuntimeException e) {
                        fail(request, e);
                    }
                }));
            }
        } catch (RuntimeException e) {
            fail(request, e);
        }
    }

    private void respond(HttpServerRequest request, ApiRequest api, Reply reply, String table, Rendering render) {
        HttpServerResponse response = request.response();
        reply.headers().forEach(h -> response.headers().add(h.getKey(), h.getValue()));
        JsonNode out = reply.body();
        if (out.isBinary()) {
            // a subresource that is not an object, such as pods/log: the bytes as they are
            response.setStatusCode(reply.code()).end(Buffer.buffer(((BinaryNode) out).binaryValue()));
            return;
        }
        boolean isKindOrList = api.target().kind().kind().equals(out.path("kind").asText())
                || api.target().kind().listKind().equals(out.path("kind").asText());
        if (table != null && isKindOrList) {
            out = render.apply(out instanceof ObjectNode list ? StoredItems.decoded(list) : out);
            response.putHeader("Content-Type", "application/json;as=Table;v=" + table + ";g=meta.k8s.io");
        }
        json(response, reply.code(), out);
    }

    private static void fail(HttpServerRequest request, RuntimeException e) {
        if (e instanceof ApiException api) {
            send(request.response(), api);
        } else {
            LOG.error("{} {} failed", request.method(), request.uri(), e);
            send(request.response(), ApiException.internal(e.toString()));
        }
    }

    private Rendering render(ApiRequest api, String tableVersion) {
        if (tableVersion == null) {
            return Rendering.OBJECT;
        }
        String includeObject = api.param("includeObject");
        return new Rendering("table " + tableVersion + " " + includeObject,
                object -> tables.convert(api.target().kind(), object, "meta.k8s.io/" + tableVersion, includeObject,
                        true));
    }

    private static Map<String, String> query(HttpServerRequest request) {
        Map<String, String> query = new HashMap<>();
        request.params().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
        return query;
    }

    /**
     * Watches over WebSocket, as fabric8 and browsers open them: one text frame per event. Failures after the
     * upgrade can only be told as an ERROR event, as kube-apiserver does.
     */
    private void upgradeToWebSocket(HttpServerRequest request) {
        String path = request.path();
        Map<String, String> query = query(request);
        String table = MediaTypes.tableVersion(request.getHeader("Accept"));
        request.toWebSocket().onSuccess(socket -> vertx.executeBlocking(() -> {
            WebSocketEventSink sink = new WebSocketEventSink(socket);
            try {
                RequestTarget target = paths.resolve(path).orElseThrow(ApiException::noSuchResource);
                ApiRequest api = new ApiRequest("GET", target, query, null, new byte[0]);
                if (!ResourceRouter.isWatch(api)) {
                    throw ApiException.badRequest("only watches are served over WebSocket");
                }
                router.watch(api, sink, render(api, table));
            } catch (ApiException e) {
                sink.send(Watcher.event("ERROR", e.toStatus()));
                sink.end();
            }
            return null;
        }, false)).onFailure(e -> LOG.warn("WebSocket upgrade of {} failed", path, e));
    }

    private void nonResource(HttpServerRequest request, HttpServerResponse response) {
        String path = request.path();
        String accept = request.getHeader("Accept");
        if (!request.method().name().equals("GET")) {
            throw ApiException.methodNotAllowed();
        }
        switch (path) {
            case "/metrics" -> {
                response.putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").setStatusCode(200)
                        .end(metrics.exposition());
                return;
            }
            case "/healthz", "/livez", "/readyz" -> {
                response.putHeader("Content-Type", "text/plain; charset=utf-8").setStatusCode(200).end("ok");
                return;
            }
            case "/version" -> {
                json(response, 200, Version.document());
                return;
            }
            case "/api", "/apis" -> {
                String aggregated = MediaTypes.aggregatedDiscoveryVersion(accept);
                boolean legacy = path.equals("/api");
                if (aggregated != null) {
                    response.putHeader("Content-Type", "application/json;g=apidiscovery.k8s.io;v=" + aggregated
                            + ";as=APIGroupDiscoveryList");
                    response.putHeader("Vary", "Accept");
                    json(response, 200, discovery.aggregated(legacy, aggregated));
                } else {
                    response.putHeader("Vary", "Accept");
                    json(response, 200, legacy ? discovery.coreVersions("127.0.0.1:" + port())
                            : discovery.groupList());
                }
                return;
            }
            default -> {
            }
        }
        if (OpenApi.handles(path)) {
            openApi.serve(request);
            return;
        }
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        ObjectNode doc = null;
        if (segments.length == 2 && segments[0].equals("api")) {
            doc = discovery.resourceList("", segments[1]);
        } else if (segments.length == 2 && segments[0].equals("apis")) {
            doc = discovery.group(segments[1]);
        } else if (segments.length == 3 && segments[0].equals("apis")) {
            doc = discovery.resourceList(segments[1], segments[2]);
        }
        if (doc == null) {
            throw ApiException.noSuchResource();
        }
        json(response, 200, doc);
    }

    private static void json(HttpServerResponse response, int code, JsonNode body) {
        if (!response.headers().contains("Content-Type")) {
            response.putHeader("Content-Type", MediaTypes.JSON);
        }
        response.setStatusCode(code).end(Buffer.buffer(Json.bytes(body)));
    }

    private static void send(HttpServerResponse response, ApiException e) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.headers().remove("Content-Type");
        json(response, e.code(), e.toStatus());
    }

    private static void failed(HttpServerResponse response, Throwable e) {
        LOG.error("request failed", e);
        send(response, ApiException.internal(String.valueOf(e)));
    }
}
