package dev.jctl.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.spi.resolver.ResolverProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;

/**
 * One cluster as a kubeconfig describes it: fabric8's {@link Config} reads the kubeconfig (token, client
 * certificate, exec plugins, CA, in-cluster) and its HTTP client carries the credentials, trusting what
 * {@link ClusterTrust} trusts; requests themselves are
 * built here, because kubectl's exact content types and query parameters are what the server acts on.
 */
public final class Connection implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** client-go's cap on the error body it quotes. */
    private static final int MAX_ERROR_TEXT = 2048;

    /** How long closing waits for the HTTP client's event loops to end. */
    private static final long CLOSE_SECONDS = 5;

    private final Vertx vertx;
    private final HttpClient http;
    private final String server;
    private final String namespace;
    private final boolean namespaceGiven;
    private final Path cacheDir;

    private Connection(Config config, Vertx vertx, HttpClient http, String namespace, boolean namespaceGiven,
                       Path cacheDir) {
        this.vertx = vertx;
        this.http = http;
        String master = config.getMasterUrl();
        this.server = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
        this.namespace = namespace;
        this.namespaceGiven = namespaceGiven;
        this.cacheDir = cacheDir;
    }

    public static Connection open(ConnectionSettings settings) {
        Config config = settings.kubeconfig() != null
                ? Config.fromKubeconfig(settings.context(), settings.kubeconfig().toFile())
                : Config.autoConfigure(settings.context());
        // kubectl does not retry a failed request; a retry here would hide the server's answer.
        config.setRequestRetryBackoffLimit(0);
        boolean given = settings.namespace() != null && !settings.namespace().isEmpty();
        String namespace = given ? settings.namespace()
                : config.getNamespace() != null && !config.getNamespace().isEmpty() ? config.getNamespace()
                : "default";
        Path cacheDir = settings.cacheDir() != null ? settings.cacheDir()
                : Path.of(System.getProperty("user.home"), ".kube", "cache");
        Vertx vertx = newVertx();
        HttpClient http = newHttpClient(new VertxHttpClientFactory(vertx), config);
        return new Connection(config, vertx, http, namespace, given, cacheDir);
    }

    /**
     * fabric8's client as its {@code newBuilder(config)} sets it up (timeouts, proxy, credentials and their refresh),
     * except for the server certificates it trusts, which are {@link ClusterTrust}'s.
     */
    private static HttpClient newHttpClient(VertxHttpClientFactory factory, Config config) {
        // Told to trust everything while it builds, fabric8 skips reading the JDK's whole cacerts into a trust store
        // (~70 ms of a cold JVM) that is replaced below anyway; the flag is back before any request reads it.
        boolean insecure = config.isTrustCerts();
        HttpClient.Builder builder;
        config.setTrustCerts(true);
        try {
            builder = factory.newBuilder(config);
        } finally {
            config.setTrustCerts(insecure);
        }
        KeyManager[] clientCertificate = ((StandardHttpClientBuilder<?, ?, ?>) builder).getKeyManagers();
        return builder.sslContext(clientCertificate, ClusterTrust.managers(config)).build();
    }

    /**
     * The Vert.x fabric8 would make for itself, but owned here so that {@link #close()} can wait for its event loops
     * to end: the JVM's exit waits up to 300 ms for any thread still blocked in native code, such as a selector.
     */
    private static Vertx newVertx() {
        // As fabric8 does: Vert.x's own DNS resolver is off, so names resolve as the JDK (and kubectl) resolve them.
        String resolver = System.getProperty(ResolverProvider.DISABLE_DNS_RESOLVER_PROP_NAME);
        System.setProperty(ResolverProvider.DISABLE_DNS_RESOLVER_PROP_NAME, "true");
        try {
            return Vertx.vertx(new VertxOptions().setUseDaemonThread(true).setFileSystemOptions(
                    new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        } finally {
            if (resolver == null) {
                System.clearProperty(ResolverProvider.DISABLE_DNS_RESOLVER_PROP_NAME);
            } else {
                System.setProperty(ResolverProvider.DISABLE_DNS_RESOLVER_PROP_NAME, resolver);
            }
        }
    }

    /** {@code https://host:port} without a trailing slash. */
    public String server() {
        return server;
    }

    /** The namespace of {@code -n}, else of the kubeconfig context, else {@code default}. */
    public String namespace() {
        return namespace;
    }

    /** Whether {@code -n} was given, which makes a manifest naming another namespace an error (like kubectl). */
    public boolean namespaceEnforced() {
        return namespaceGiven;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** A JSON GET; throws {@link ApiException} for any non-2xx answer. */
    public JsonNode get(String pathAndQuery) {
        return send(Request.get(pathAndQuery));
    }

    public JsonNode send(Request request) {
        Answer answer = exchange(request);
        if (answer.code() < 200 || answer.code() > 299) {
            throw ApiException.of(answer.code(), answer.json(), answer.body());
        }
        return answer.json();
    }

    /** Sends the request and returns whatever came back, errors included. */
    public Answer exchange(Request request) {
        HttpRequest.Builder builder = http.newHttpRequestBuilder().uri(URI.create(server + request.pathAndQuery()));
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        if (request.body() != null) {
            builder.method(request.method(), request.contentType(), request.body());
        } else if (!request.method().equals("GET")) {
            builder.method(request.method(), "application/json", "");
        }
        try {
            HttpResponse<String> response = http.sendAsync(builder.build(), String.class).get();
            return new Answer(response.code(), response.body() == null ? "" : response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted", e);
        } catch (ExecutionException e) {
            throw ServerUnreachable.of(server, e);
        }
    }

    /**
     * A GET whose answer is a stream of lines (a watch), handed to {@code onLine} as they arrive on the client's
     * own threads; no thread waits for them. The request timeout covers only the response head.
     */
    public LineStream stream(String pathAndQuery, Consumer<String> onLine) {
        return stream(pathAndQuery, "application/json", onLine);
    }

    /** {@link #stream(String, Consumer)} asking for {@code accept} (Table rows for kubectl get -w's columns). */
    public LineStream stream(String pathAndQuery, String accept, Consumer<String> onLine) {
        HttpRequest request = http.newHttpRequestBuilder().uri(URI.create(server + pathAndQuery))
                .header("Accept", accept).forStreaming().build();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        AtomicReference<AsyncBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<AsyncBody>> response = http.consumeBytes(request,
                (List<ByteBuffer> buffers, AsyncBody asyncBody) -> {
                    for (ByteBuffer buffer : buffers) {
                        while (buffer.hasRemaining()) {
                            byte b = buffer.get();
                            if (b == '\n') {
                                onLine.accept(line.toString(StandardCharsets.UTF_8));
                                line.reset();
                            } else {
                                line.write(b);
                            }
                        }
                    }
                    asyncBody.consume();
                });
        CompletableFuture<Integer> done = response.thenCompose(r -> {
            body.set(r.body());
            r.body().consume();
            return r.body().done().thenApply(v -> r.code());
        });
        return new LineStream(done, () -> {
            // A finished answer's connection is back in the pool, maybe carrying the next request already:
            // resetting it would cut that one short.
            if (done.isDone()) {
                return;
            }
            response.cancel(true);
            AsyncBody started = body.get();
            if (started != null) {
                started.cancel();
            }
        });
    }

    /**
     * A GET whose answer is written to {@code out} as it arrives, as text (a {@code --raw} request: a watch URI
     * streams until the server ends it). An answer outside 2xx becomes the {@link ApiException} client-go makes of
     * it: the Status it carries, else the status code's own error.
     */
    public void copy(String pathAndQuery, String accept, Writer out) {
        HttpRequest request = http.newHttpRequestBuilder().uri(URI.create(server + pathAndQuery))
                .header("Accept", accept).forStreaming().build();
        AtomicBoolean success = new AtomicBoolean();
        Utf8Writer text = new Utf8Writer(out);
        ByteArrayOutputStream failure = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<AsyncBody>> response = http.consumeBytes(request,
                (List<ByteBuffer> buffers, AsyncBody asyncBody) -> {
                    for (ByteBuffer buffer : buffers) {
                        if (success.get()) {
                            text.write(buffer);
                        } else {
                            byte[] bytes = new byte[buffer.remaining()];
                            buffer.get(bytes);
                            failure.writeBytes(bytes);
                        }
                    }
                    asyncBody.consume();
                });
        try {
            HttpResponse<AsyncBody> head = response.get();
            success.set(head.code() >= 200 && head.code() <= 299);
            head.body().consume();
            head.body().done().get();
            if (!success.get()) {
                throw unexpected(head, failure.toString(StandardCharsets.UTF_8));
            }
            text.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new KubernetesClientException("interrupted", e);
        } catch (ExecutionException e) {
            throw ServerUnreachable.of(server, e);
        }
    }

    /** client-go's error for an answer outside 2xx (its Request.transformResponse and Result.Error). */
    private static ApiException unexpected(HttpResponse<?> head, String body) {
        String contentType = head.header("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        // Without a Content-Type client-go assumes JSON, and calls the body text.
        boolean decodable = media.isEmpty() || media.equals("application/json");
        if (decodable && !body.isBlank()) {
            JsonNode status = parseOrNull(body);
            if (status != null && "Status".equals(status.path("kind").asText())
                    && "Failure".equals(status.path("status").asText())) {
                return ApiException.of(head.code(), status, body);
            }
        }
        String message = media.isEmpty() || media.startsWith("text/")
                ? body.substring(0, Math.min(body.length(), MAX_ERROR_TEXT)).strip() : "unknown";
        return ApiException.unexpected(head.code(), "GET", message);
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes UTF-8 bytes to a Writer as they come, a character split between two buffers included. */
    private static final class Utf8Writer {
        private final Writer out;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Utf8Writer(Writer out) {
            this.out = out;
        }

        synchronized void write(ByteBuffer bytes) {
            ByteBuffer input = ByteBuffer.allocate(pending.remaining() + bytes.remaining());
            input.put(pending).put(bytes).flip();
            decode(input, false);
            pending = input;
        }

        synchronized void finish() {
            decode(pending, true);
            CharBuffer chars = CharBuffer.allocate(16);
            decoder.flush(chars);
            emit(chars.flip());
        }

        private void decode(ByteBuffer input, boolean last) {
            CharBuffer chars = CharBuffer.allocate(Math.max(16, input.remaining()));
            decoder.decode(input, chars, last);
            emit(chars.flip());
        }

        private void emit(CharBuffer chars) {
            try {
                out.append(chars);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A streaming answer: {@code done} completes with the status code when the server ends it. */
    public record LineStream(CompletableFuture<Integer> done, Runnable cancel) {
    }

    @Override
    public void close() {
        http.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Closing is best effort: the answers are in, and a slow close only delays the exit.
        }
    }

    /** An HTTP request to the API server; {@code body} null for none. */
    public record Request(String method, String pathAndQuery, String contentType, String body, String accept) {
        public static Request get(String pathAndQuery) {
            return new Request("GET", pathAndQuery, null, null, "application/json");
        }

        public Request withAccept(String value) {
            return new Request(method, pathAndQuery, contentType, body, value);
        }
    }

    /** A response: its status code and body text, parsed as JSON on demand. */
    public record Answer(int code, String body) {
        public JsonNode json() {
            String trimmed = body.strip();
            if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
                return null;
            }
            try {
                return JSON.readTree(trimmed);
            } catch (IOException e) {
                throw new UncheckedIOException("the server's answer is not JSON: " + e.getMessage(), e);
            }
        }
    }
}
