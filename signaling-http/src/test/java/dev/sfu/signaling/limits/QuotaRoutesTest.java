package dev.sfu.signaling.limits;

import dev.sfu.signaling.RecordingSignalingService;
import dev.sfu.signaling.TestHttpServer;
import dev.sfu.signaling.TestHttpServer.Reply;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.auth.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-client quotas through a real server: two transports and one producer per token, three transports per
 * address (every test client is 127.0.0.1). Closings reach the quotas as the cluster's events.
 */
class QuotaRoutesTest {
    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);
    private static final QuotaSettings QUOTAS = new QuotaSettings(true,
            new QuotaSettings.Quota(2, 1, 5), new QuotaSettings.Quota(3, 5, 5));
    private static final String SEND = "{\"room\": \"r1\", \"direction\": \"send\"}";
    private static final String PRODUCE = "{\"transportId\": \"t1\", \"kind\": \"audio\", \"rtpParameters\": {\"codecs\":"
            + " [{\"mimeType\": \"audio/opus\", \"payloadType\": 100, \"clockRate\": 48000, \"channels\": 2}],"
            + " \"encodings\": [{\"ssrc\": 1}]}}";

    private TestHttpServer server;
    private RecordingSignalingService service;
    private final String alice = token("alice");
    private final String bob = token("bob");

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpServer(TestHttpServer.SETTINGS.withAuth(AuthSettings.hs256(TestTokens.SECRET)).withQuotas(QUOTAS));
        service = server.service;
        service.freshIds = true;
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aTokenOverItsTransportQuotaIs429NamingTheLimit() throws Exception {
        assertEquals(200, createTransport(alice).status());
        assertEquals(200, createTransport(alice).status());

        Reply third = createTransport(alice);

        assertEquals(429, third.status(), third.body());
        assertEquals("limit reached: this access token may hold at most 2 open transports on this member; close some first",
                third.error());
        assertEquals(2, service.callsOf("createTransport").size(), "the refused request never reaches the service");
    }

    @Test
    void anAddressIsLimitedOverAllItsTokens() throws Exception {
        createTransport(alice);
        createTransport(alice);
        assertEquals(200, createTransport(bob).status());

        Reply fourth = createTransport(bob);

        assertEquals(429, fourth.status(), fourth.body());
        assertTrue(fourth.error().startsWith("limit reached: client address 127.0.0.1 may hold at most 3 open transports"),
                fourth.error());
    }

    @Test
    void aClosedTransportFreesItsSlot() throws Exception {
        String first = createTransport(alice).json().get("id").asText();
        createTransport(alice);
        assertEquals(429, createTransport(alice).status());

        service.pushClosing(event("transportClosed", Map.of("transportId", first, "reason", "closed")));

        assertEquals(200, createTransport(alice).status());
    }

    @Test
    void aMemberGoingDownFreesWhatLivedOnIt() throws Exception {
        createTransport(alice);
        createTransport(alice);

        service.pushClosing(new SignalingEvent("nodeDown", null, "sfu1", 0, Map.of()));

        assertEquals(200, createTransport(alice).status());
        assertEquals(1, server.routes.quotas().tracked());
        Reply stats = server.send("GET", "/api/stats", null, null, Map.of("Authorization", "Bearer " + alice));
        assertEquals(1, stats.json().get("clientQuotas").get("tracked").asInt(), stats.body());
        assertEquals(2, stats.json().get("clientQuotas").get("clients").asInt(), stats.body());
    }

    @Test
    void producersHaveTheirOwnQuota() throws Exception {
        Reply first = post("/api/produce", PRODUCE, alice);
        Reply second = post("/api/produce", PRODUCE, alice);

        assertEquals(200, first.status(), first.body());
        assertEquals(429, second.status(), second.body());
        assertTrue(second.error().contains("at most 1 open producers"), second.error());

        service.pushClosing(event("producerClosed", Map.of("producerId", first.json().get("id").asText())));
        assertEquals(200, post("/api/produce", PRODUCE, alice).status());
    }

    @Test
    void aFailedCreationTakesNoSlot() throws Exception {
        service.failWith("createTransport", ApiException.unavailable("cluster is full"));
        for (int i = 0; i < 5; i++) assertEquals(503, createTransport(alice).status());

        assertEquals(0, server.routes.quotas().tracked());
        service.reset();
        service.freshIds = true;
        assertEquals(200, createTransport(alice).status());
        assertEquals(200, createTransport(alice).status());
    }

    private Reply createTransport(String token) throws Exception {
        return post("/api/create-transport", SEND, token);
    }

    private Reply post(String path, String body, String token) throws Exception {
        return server.send("POST", path, "application/json", body, Map.of("Authorization", "Bearer " + token));
    }

    private static SignalingEvent event(String type, Map<String, Object> data) {
        return new SignalingEvent(type, "r1", "sfu1", 0, data);
    }

    private static String token(String subject) {
        return TestTokens.hs256(TestTokens.SECRET, TestTokens.claims("r1", List.of("publish", "subscribe"), IN_AN_HOUR)
                .subject(subject).build());
    }
}
