package dev.jctl.runtime.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemTrustOptions;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The load's clients for one server, on one of two stacks: netty with BoringSSL (Vert.x's client with the OpenSSL
 * engine, as the server runs; the default since the third pass) or the JDK's HttpClient with the JDK's TLS engine
 * (before). Either speaks HTTP/1.1 with keep-alive, or HTTP/2 by ALPN.
 */
final class LoadClients {
    enum Stack { NETTY, JDK }

    private final Stack stack;
    private final HttpClient.Version http;
    private final String base;
    private final String token;
    private final SSLContext jdkTls;
    private final Vertx vertx;
    private final HttpClientOptions netty;

    /**
     * @param caPem the CA the server's certificate is checked against; null trusts anything (the fabric8 mock,
     *              whose certificate is self-signed per run, on loopback)
     */
    LoadClients(Vertx vertx, Stack stack, HttpClient.Version http, int port, String token, String caPem)
            throws Exception {
        this.vertx = vertx;
        this.stack = stack;
        this.http = http;
        this.base = "https://127.0.0.1:" + port;
        this.token = token;
        this.jdkTls = caPem == null ? Target.trustingAnything() : Target.trusting(caPem);
        if (stack == Stack.NETTY && !OpenSSLEngineOptions.isAvailable()) {
            throw new IllegalStateException("netty-tcnative (BoringSSL) is not available",
                    io.netty.handler.ssl.OpenSsl.unavailabilityCause());
        }
        this.netty = new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setSsl(true)
                .setSslEngineOptions(new OpenSSLEngineOptions()).setKeepAlive(true).setConnectTimeout(10_000)
                .setProtocolVersion(http == HttpClient.Version.HTTP_2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1)
                .setUseAlpn(http == HttpClient.Version.HTTP_2);
        if (caPem == null) {
            netty.setTrustAll(true).setVerifyHost(false);
        } else {
            netty.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(caPem)));
        }
    }

    /** One client with its own connection, as one kubectl or controller would hold. */
    LoadClient newClient() {
        return stack == Stack.NETTY ? new NettyLoadClient(vertx, netty, token)
                : new JdkLoadClient(newJdkClient(http), base, token);
    }

    /** Up to {@code watches} watches on this stack, one HTTP/1.1 connection each. */
    WatchStreams watchStreams(int watches) {
        return new WatchStreams(stack, vertx, netty, base, token, watches,
                () -> newJdkClient(HttpClient.Version.HTTP_1_1));
    }

    private HttpClient newJdkClient(HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(jdkTls).version(version).connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
