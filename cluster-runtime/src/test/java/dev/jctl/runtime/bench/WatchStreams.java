package dev.jctl.runtime.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watch streams read line by line without a thread each, as informers multiplex them, one HTTP/1.1 connection per
 * watch (an HTTP/2 server limits the streams of one connection, Vert.x to 100): on netty with BoringSSL, or on a
 * few JDK HttpClients with line subscribers.
 */
final class WatchStreams {
    private static final int JDK_CLIENTS = 4;

    private final LoadClients.Stack stack;
    private final String base;
    private final String token;
    private final io.vertx.core.http.HttpClient netty;
    private final List<HttpClient> jdk = new ArrayList<>();
    private int opened;

    WatchStreams(LoadClients.Stack stack, Vertx vertx, HttpClientOptions options, String base, String token,
                 int watches, Supplier<HttpClient> jdkClient) {
        this.stack = stack;
        this.base = base;
        this.token = token;
        this.netty = stack == LoadClients.Stack.NETTY
                ? vertx.createHttpClient(new HttpClientOptions(options).setProtocolVersion(HttpVersion.HTTP_1_1)
                .setUseAlpn(false), new PoolOptions().setHttp1MaxSize(watches)) : null;
        for (int c = 0; stack == LoadClients.Stack.JDK && c < JDK_CLIENTS; c++) {
            jdk.add(jdkClient.get());
        }
    }

    /**
     * Opens a watch of {@code path}; the future completes with a way to cancel it once the 200 head arrived, and
     * {@code line} receives every line of the stream on the client's I/O thread.
     */
    CompletableFuture<Runnable> open(String path, Consumer<String> line) {
        return stack == LoadClients.Stack.NETTY ? openNetty(path, line) : openJdk(path, line);
    }

    private CompletableFuture<Runnable> openNetty(String path, Consumer<String> line) {
        return netty.request(new RequestOptions().setURI(path).putHeader("Authorization", "Bearer " + token))
                .compose(HttpClientRequest::send)
                .<Runnable>map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("watch " + path + ": " + response.statusCode());
                    }
                    response.handler(RecordParser.newDelimited("\n", record -> line.accept(record.toString())));
                    return () -> response.request().connection().close();
                })
                .toCompletionStage().toCompletableFuture();
    }

    private CompletableFuture<Runnable> openJdk(String path, Consumer<String> line) {
        CompletableFuture<Runnable> head = new CompletableFuture<>();
        Lines lines = new Lines(line);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build();
        // The handler runs when the head arrives; the response future itself completes only when the body ends.
        jdk.get(opened++ % JDK_CLIENTS).sendAsync(request, response -> {
            head.complete(lines::cancel);
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
        }).exceptionally(e -> {
            head.completeExceptionally(e);
            return null;
        });
        return head;
    }

    private static final class Lines implements Flow.Subscriber<String> {
        private final Consumer<String> line;
        private volatile Flow.Subscription subscription;

        Lines(Consumer<String> line) {
            this.line = line;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String item) {
            line.accept(item);
        }

        @Override
        public void onError(Throwable throwable) {
            // a watch that breaks shows as undelivered events
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
