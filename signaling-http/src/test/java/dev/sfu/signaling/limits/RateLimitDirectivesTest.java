package dev.sfu.signaling.limits;

import dev.sfu.signaling.ManualClock;
import dev.sfu.signaling.TestHttpServer;
import dev.sfu.signaling.TestHttpServer.Reply;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.auth.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits through a real server; the limiter's clock is moved by hand, so nothing depends on timing. */
class RateLimitDirectivesTest {
    private static final LimitSettings THREE_THEN_ONE_PER_SECOND = new LimitSettings(true, 1, 3, 100, false);

    private final ManualClock clock = new ManualClock(Instant.now());

    @Test
    void aClientOverItsBurstGets429ThenRecovers() throws Exception {
        try (TestHttpServer server = new TestHttpServer(
                TestHttpServer.SETTINGS.withLimits(THREE_THEN_ONE_PER_SECOND), clock, null)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, server.get("/api/sfu-nodes").status());
            }

            Reply refused = server.get("/api/sfu-nodes");

            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.error().startsWith("too many requests from this client address"), refused.error());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertEquals(3, server.service.callsOf("nodes").size(), "the refused request never reached the service");

            clock.advance(Duration.ofSeconds(1));

            assertEquals(200, server.get("/api/sfu-nodes").status());
            assertEquals(429, server.get("/api/sfu-nodes").status());
        }
    }

    @Test
    void theWebSocketUpgradeCountsToo() throws Exception {
        try (TestHttpServer server = new TestHttpServer(
                TestHttpServer.SETTINGS.withLimits(THREE_THEN_ONE_PER_SECOND), clock, null)) {
            for (int i = 0; i < 3; i++) {
                server.get("/api/stats");
            }

            ExecutionException failure = assertThrows(ExecutionException.class, () -> server.client.newWebSocketBuilder()
                    .buildAsync(server.wsUri("/ws"), new java.net.http.WebSocket.Listener() {
                    }).get(10, TimeUnit.SECONDS));

            assertEquals(429, assertInstanceOf(WebSocketHandshakeException.class, failure.getCause()).getResponse().statusCode());
        }
    }

    @Test
    void aTokenIsLimitedAcrossAddresses() throws Exception {
        LimitSettings behindAProxy = new LimitSettings(true, 1, 3, 100, true);
        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withLimits(behindAProxy)
                .withAuth(AuthSettings.hs256(TestTokens.SECRET)), clock, null)) {
            String token = TestTokens.hs256("r1", List.of("subscribe"), Instant.now().plusSeconds(3600));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, getAs(server, "10.0.0." + i, token).status());
            }

            Reply refused = getAs(server, "10.0.0.9", token);

            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.error().startsWith("too many requests from this access token"), refused.error());
            String otherToken = TestTokens.hs256("r1", List.of("publish"), Instant.now().plusSeconds(3600));
            assertEquals(200, getAs(server, "10.0.0.9", otherToken).status());
        }
    }

    @Test
    void behindAProxyTheLastForwardedAddressIsTheClient() throws Exception {
        LimitSettings behindAProxy = new LimitSettings(true, 1, 1, 100, true);
        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withLimits(behindAProxy), clock, null)) {
            assertEquals(200, forwardedFor(server, "1.1.1.1, 10.0.0.1").status());
            assertEquals(429, forwardedFor(server, "2.2.2.2, 10.0.0.1").status(),
                    "the spoofable first entry is ignored; the proxy's own entry counts");
            assertEquals(200, forwardedFor(server, "10.0.0.2").status());
        }
    }

    @Test
    void disabledLimitsNeverRefuse() throws Exception {
        try (TestHttpServer server = new TestHttpServer(TestHttpServer.SETTINGS.withLimits(LimitSettings.UNLIMITED), clock, null)) {
            for (int i = 0; i < LimitSettings.UNLIMITED.burst() + 5; i++) {
                assertEquals(200, server.get("/api/sfu-nodes").status());
            }
        }
    }

    private static Reply getAs(TestHttpServer server, String address, String token) throws Exception {
        return server.send("GET", "/api/sfu-nodes", null, null,
                Map.of("X-Forwarded-For", address, "Authorization", "Bearer " + token));
    }

    private static Reply forwardedFor(TestHttpServer server, String header) throws Exception {
        return server.send("GET", "/api/sfu-nodes", null, null, Map.of("X-Forwarded-For", header));
    }
}
