package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import dev.sfu.signaling.limits.LimitSettings;
import org.apache.pekko.http.javadsl.ServerBinding;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real server on 127.0.0.1 (ephemeral port) in front of a {@link RecordingSignalingService}, and a client
 * (over HTTPS when the settings hold a certificate: then the client trusts {@code clientTrust}).
 */
public final class TestHttpServer implements AutoCloseable {
    /** Open API, no rate limits (tests send many requests quickly), plain HTTP. */
    public static final SignalingHttpSettings SETTINGS =
            new SignalingHttpSettings(Duration.ofMillis(500), 256 * 1024, 16, 1024, Duration.ofMillis(200))
                    .withLimits(LimitSettings.UNLIMITED);

    /** One HTTP answer; {@code json} is null when the body is not JSON. */
    public record Reply(int status, String body, JsonNode json, HttpHeaders headers) {
        public String error() {
            if (json == null || !json.path("error").isTextual()) {
                throw new AssertionError("expected {\"error\": ...}, got " + status + " " + body);
            }
            return json.get("error").asText();
        }
    }

    public final RecordingSignalingService service = new RecordingSignalingService();
    public final SignalingRoutes routes;
    public final HttpClient client;
    private final boolean secure;
    private final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "test");
    private final ServerBinding binding;

    public TestHttpServer() throws Exception {
        this(SETTINGS);
    }

    public TestHttpServer(SignalingHttpSettings settings) throws Exception {
        this(settings, Clock.systemUTC(), null);
    }

    public TestHttpServer(SignalingHttpSettings settings, Clock clock, SSLContext clientTrust) throws Exception {
        routes = new SignalingRoutes(service, settings, clock);
        secure = settings.https().isEnabled();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (clientTrust != null) {
            builder.sslContext(clientTrust).version(HttpClient.Version.HTTP_1_1);
        }
        client = builder.build();
        binding = SignalingHttpServer.bind(system, "127.0.0.1", 0, routes, settings).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public URI uri(String pathAndQuery) {
        return URI.create((secure ? "https" : "http") + "://127.0.0.1:" + binding.localAddress().getPort() + pathAndQuery);
    }

    public URI wsUri(String pathAndQuery) {
        return URI.create((secure ? "wss" : "ws") + "://127.0.0.1:" + binding.localAddress().getPort() + pathAndQuery);
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    public Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json);
    }

    public Reply send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        return send(method, path, contentType, body, Map.of());
    }

    /** A request with extra headers (e.g. Authorization). */
    public Reply send(String method, String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return reply(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public Reply send(HttpRequest request) throws IOException, InterruptedException {
        return reply(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> response) {
        JsonNode json = null;
        try {
            json = JsonSupport.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            // left null: the assertions say what was expected
        }
        return new Reply(response.statusCode(), response.body(), json, response.headers());
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the test server", e);
        }
    }
}
