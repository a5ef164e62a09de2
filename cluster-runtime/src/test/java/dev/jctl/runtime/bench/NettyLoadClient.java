package dev.jctl.runtime.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeUnit;

/**
 * A client on Vert.x/netty with BoringSSL, the stack the server itself runs on: the closest stand-in in Java for
 * client-go's cheap TLS and HTTP. A pool of one connection, so the client keeps exactly one connection open.
 */
final class NettyLoadClient implements LoadClient {
    private final HttpClient client;
    private final String token;

    NettyLoadClient(Vertx vertx, HttpClientOptions options, String token) {
        this.client = vertx.createHttpClient(new HttpClientOptions(options),
                new PoolOptions().setHttp1MaxSize(1).setHttp2MaxSize(1));
        this.token = token;
    }

    @Override
    public Answer send(Call call) throws Exception {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.valueOf(call.method()))
                .setURI(call.path()).putHeader("Authorization", "Bearer " + token).setTimeout(30_000);
        if (call.body() != null) {
            request.putHeader("Content-Type", "application/json");
        }
        return client.request(request)
                .compose(sent -> call.body() == null ? sent.send() : sent.send(Buffer.buffer(call.body())))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
