package dev.jctl.runtime.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client on the JDK's HttpClient and TLS engine: the benchmark's load generator before the third pass. */
final class JdkLoadClient implements LoadClient {
    private final HttpClient client;
    private final String base;
    private final String token;

    JdkLoadClient(HttpClient client, String base, String token) {
        this.client = client;
        this.base = base;
        this.token = token;
    }

    @Override
    public Answer send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
