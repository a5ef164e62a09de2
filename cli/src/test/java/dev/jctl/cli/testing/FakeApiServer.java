package dev.jctl.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted API server over plain HTTP for engine tests that need to see every request or to provoke answers a
 * real server gives rarely (409 conflicts, 422 on update). Discovery is served in the aggregated form for core
 * {@code configmaps}, {@code apps/v1 deployments} and a custom {@code example.com/v1 widgets}; everything else is
 * answered from a queue of scripted replies per "METHOD path", or 404.
 */
public final class FakeApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Received(String method, String path, String query, String contentType, String authorization,
                           String body) {
    }

    private record Reply(int code, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> replies = new HashMap<>();

    private FakeApiServer(HttpServer server) {
        this.server = server;
    }

    public static FakeApiServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakeApiServer fake = new FakeApiServer(http);
        http.createContext("/", fake::handle);
        http.start();
        return fake;
    }

    /** Queues a reply to {@code "METHOD /path"}; the last one queued is repeated once the others are used. */
    public synchronized FakeApiServer reply(String methodAndPath, int code, String body) {
        replies.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Reply(code, body));
        return this;
    }

    /** A kubeconfig reaching this server with a token, in namespace {@code default}. */
    public Path writeKubeconfig(Path dir) throws IOException {
        Path file = dir.resolve("fake-kubeconfig");
        Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: http://127.0.0.1:"
                + server.getAddress().getPort() + "\nusers:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: fake\n"
                + "  context:\n    cluster: fake\n    user: u\n    namespace: default\ncurrent-context: fake\n");
        return file;
    }

    /** How many discovery documents ({@code /api}, {@code /apis}) were asked for. */
    public long discoveryRequests() {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals("/api") || r.path().equals("/apis")).count();
        }
    }

    /** The requests other than discovery, in order. */
    public List<Received> requests() {
        synchronized (received) {
            return received.stream().filter(r -> !r.path().equals("/api") && !r.path().equals("/apis")
                    && !r.path().startsWith("/openapi")).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = switch (path) {
            case "/api" -> new Reply(200, CORE);
            case "/apis" -> new Reply(200, GROUPS);
            default -> next(method + " " + path);
        };
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.code(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Reply next(String key) {
        Deque<Reply> queue = replies.get(key);
        if (queue == null || queue.isEmpty()) {
            return new Reply(404, status(404, "NotFound", "the server could not find the requested resource"));
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    /** A Status body. */
    public static String status(int code, String reason, String message) {
        return JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
                .put("message", message).put("reason", reason).put("code", code).toString();
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final String CORE = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[{"metadata":{"name":""},
             "versions":[{"version":"v1","resources":[
              {"resource":"configmaps","responseKind":{"group":"","version":"v1","kind":"ConfigMap"},
               "scope":"Namespaced","singularResource":"configmap","shortNames":["cm"],"verbs":["get","patch"]}]}]}]}""";
    private static final String GROUPS = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
             {"metadata":{"name":"apps"},"versions":[{"version":"v1","resources":[
              {"resource":"deployments","responseKind":{"group":"apps","version":"v1","kind":"Deployment"},
               "scope":"Namespaced","singularResource":"deployment","shortNames":["deploy"],"verbs":["get","patch"]}]}]},
             {"metadata":{"name":"apiextensions.k8s.io"},"versions":[{"version":"v1","resources":[
              {"resource":"customresourcedefinitions","responseKind":{"group":"apiextensions.k8s.io","version":"v1",
               "kind":"CustomResourceDefinition"},"scope":"Cluster","singularResource":"customresourcedefinition",
               "shortNames":["crd"],"verbs":["get","patch"]}]}]},
             {"metadata":{"name":"example.com"},"versions":[{"version":"v1","resources":[
              {"resource":"widgets","responseKind":{"group":"example.com","version":"v1","kind":"Widget"},
               "scope":"Namespaced","singularResource":"widget","verbs":["get","patch"]}]}]}]}""";
}
