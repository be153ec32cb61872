package dev.sfu.signaling.auth;

import dev.sfu.signaling.RecordingSignalingService;
import dev.sfu.signaling.TestHttpServer;
import dev.sfu.signaling.TestHttpServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every token rule on every endpoint and on {@code /ws}, through a real server that requires HS256 tokens.
 * The recording service puts every canned id (t1, t2, p1, c1) in room r1.
 */
class AuthDirectivesTest {
    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);

    /**
     * An API call, the room it touches ("*": every room), the rights it needs (null: any valid token) and the
     * service method that serves it.
     */
    record Endpoint(String method, String path, String body, String room, Set<Right> needs, String serviceMethod) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }

        boolean roomScoped() {
            return needs != null;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                get("/api/router-rtp-capabilities?room=r1", "r1", AccessRule.PARTICIPANT, "routerRtpCapabilities"),
                post("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"send\"}", AccessRule.PUBLISHER, "createTransport"),
                post("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"recv\"}", AccessRule.SUBSCRIBER, "createTransport"),
                post("/api/connect-transport", "{\"transportId\": \"t1\", \"dtlsParameters\": {\"role\": \"client\","
                        + " \"fingerprints\": [{\"algorithm\": \"sha-256\", \"value\": \"AB:CD\"}]}}", AccessRule.PARTICIPANT, "connectTransport"),
                post("/api/produce", "{\"transportId\": \"t1\", \"kind\": \"audio\", \"rtpParameters\": {\"codecs\": [{\"mimeType\":"
                        + " \"audio/opus\", \"payloadType\": 100, \"clockRate\": 48000, \"channels\": 2}], \"encodings\": [{\"ssrc\": 1}]}}",
                        AccessRule.PUBLISHER, "produce"),
                post("/api/consume", "{\"transportId\": \"t2\", \"producerId\": \"p1\", \"rtpCapabilities\": {\"codecs\": [{\"kind\":"
                        + " \"audio\", \"mimeType\": \"audio/opus\", \"clockRate\": 48000, \"channels\": 2}]}}", AccessRule.SUBSCRIBER, "consume"),
                post("/api/resume-consumer", "{\"consumerId\": \"c1\"}", AccessRule.SUBSCRIBER, "resumeConsumer"),
                post("/api/pause-consumer", "{\"consumerId\": \"c1\"}", AccessRule.SUBSCRIBER, "pauseConsumer"),
                post("/api/close-consumer", "{\"consumerId\": \"c1\"}", AccessRule.SUBSCRIBER, "closeConsumer"),
                post("/api/pause-producer", "{\"producerId\": \"p1\"}", AccessRule.PUBLISHER, "pauseProducer"),
                post("/api/resume-producer", "{\"producerId\": \"p1\"}", AccessRule.PUBLISHER, "resumeProducer"),
                post("/api/close-producer", "{\"producerId\": \"p1\"}", AccessRule.PUBLISHER, "closeProducer"),
                post("/api/close-transport", "{\"transportId\": \"t1\"}", AccessRule.PARTICIPANT, "closeTransport"),
                get("/api/streams?room=r1", "r1", AccessRule.PARTICIPANT, "streams"),
                get("/api/streams", AccessToken.ANY_ROOM, AccessRule.PARTICIPANT, "streams"),
                get("/api/stats", null, null, "stats"),
                get("/api/connections", null, null, "connections"),
                get("/api/sfu-nodes", null, null, "nodes"));
    }

    static Stream<Endpoint> roomScopedEndpoints() {
        return endpoints().filter(Endpoint::roomScoped);
    }

    private static Endpoint get(String path, String room, Set<Right> needs, String serviceMethod) {
        return new Endpoint("GET", path, null, room, needs, serviceMethod);
    }

    private static Endpoint post(String path, String body, Set<Right> needs, String serviceMethod) {
        return new Endpoint("POST", path, body, "r1", needs, serviceMethod);
    }

    private static TestHttpServer server;
    private static RecordingSignalingService service;
    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new TestHttpServer(TestHttpServer.SETTINGS.withAuth(AuthSettings.hs256(TestTokens.SECRET)));
        service = server.service;
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetService() {
        service.reset();
        sockets.forEach(WebSocket::abort);
    }

    // --- the HTTP API

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void missingTokenIs401WithAChallenge(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, Map.of());

        assertEquals(401, reply.status(), reply.body());
        assertEquals("missing access token", reply.error());
        assertEquals("Bearer realm=\"sfu\"", reply.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(service.calls().isEmpty(), "nothing reaches the service: " + service.calls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void expiredTokenIs401(Endpoint endpoint) throws Exception {
        String token = TestTokens.hs256("*", List.of("admin"), Instant.now().minusSeconds(120));

        Reply reply = call(endpoint, bearer(token));

        assertEquals(401, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("token expired at"), reply.error());
        assertTrue(reply.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertTrue(service.calls().isEmpty(), service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void forgedTokenIs401(Endpoint endpoint) throws Exception {
        String token = TestTokens.hs256(TestTokens.OTHER_SECRET,
                TestTokens.claims("*", List.of("admin"), IN_AN_HOUR).build());

        Reply reply = call(endpoint, bearer(token));

        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid token signature", reply.error());
        assertTrue(service.calls().isEmpty(), service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roomScopedEndpoints")
    void tokenForAnotherRoomIs403(Endpoint endpoint) throws Exception {
        String token = TestTokens.hs256("r2", List.of("publish", "subscribe", "admin"), IN_AN_HOUR);

        Reply reply = call(endpoint, bearer(token));

        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("token is for room 'r2'"), reply.error());
        assertTrue(service.callsOf(endpoint.serviceMethod()).isEmpty(), service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roomScopedEndpoints")
    void tokenWithoutTheRightIs403BeforeAnyLookup(Endpoint endpoint) throws Exception {
        List<String> otherRights = Stream.of(Right.PUBLISH, Right.SUBSCRIBE)
                .filter(right -> !endpoint.needs().contains(right)).map(Right::wireName).toList();
        String token = TestTokens.hs256(endpoint.room(), otherRights, IN_AN_HOUR);

        Reply reply = call(endpoint, bearer(token));

        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("token lacks the right"), reply.error());
        assertTrue(service.calls().isEmpty(), "not even the room is looked up: " + service.calls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void tokenWithTheRightForTheRoomIsServed(Endpoint endpoint) throws Exception {
        // The monitoring views take any valid token, here one for another room with a single right.
        String token = endpoint.roomScoped()
                ? TestTokens.hs256(endpoint.room(), endpoint.needs().stream().limit(1).map(Right::wireName).toList(), IN_AN_HOUR)
                : TestTokens.hs256("r2", List.of("subscribe"), IN_AN_HOUR);

        Reply reply = call(endpoint, bearer(token));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, service.callsOf(endpoint.serviceMethod()).size(), service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roomScopedEndpoints")
    void adminTokenForTheRoomIsServed(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, bearer(TestTokens.hs256(endpoint.room(), List.of("admin"), IN_AN_HOUR)));

        assertEquals(200, reply.status(), reply.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roomScopedEndpoints")
    void tokenForEveryRoomIsServed(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, bearer(TestTokens.hs256("*", List.of("publish", "subscribe"), IN_AN_HOUR)));

        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aSubscriberCannotCreateASendTransport() throws Exception {
        Reply reply = server.send("POST", "/api/create-transport", "application/json",
                "{\"room\": \"r1\", \"direction\": \"send\"}", bearer(TestTokens.hs256("r1", List.of("subscribe"), IN_AN_HOUR)));

        assertEquals(403, reply.status(), reply.body());
        assertEquals("token lacks the right for this request (needs publish)", reply.error());
    }

    @Test
    void consumingAProducerOfAnotherRoomIs403() throws Exception {
        service.putRoom("p1", "r2");

        Reply reply = call(endpoints().filter(e -> e.path().equals("/api/consume")).findFirst().orElseThrow(),
                bearer(TestTokens.hs256("r1", List.of("subscribe"), IN_AN_HOUR)));

        assertEquals(403, reply.status(), reply.body());
        assertTrue(service.callsOf("consume").isEmpty());
    }

    @Test
    void unknownIdIs404FromTheRoomLookup() throws Exception {
        Reply reply = server.send("POST", "/api/close-transport", "application/json", "{\"transportId\": \"t9\"}",
                bearer(TestTokens.hs256("r1", List.of("publish"), IN_AN_HOUR)));

        assertEquals(404, reply.status(), reply.body());
        assertEquals("unknown id 't9'", reply.error());
        assertTrue(service.callsOf("closeTransport").isEmpty());
    }

    @Test
    void badRequestsAreStill400OnceAuthenticated() throws Exception {
        Reply reply = server.send("POST", "/api/produce", "application/json", "{\"kind\": \"audio\"}",
                bearer(TestTokens.hs256("r1", List.of("publish"), IN_AN_HOUR)));

        assertEquals(400, reply.status(), reply.body());
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIs401() throws Exception {
        Reply reply = server.send("GET", "/api/sfu-nodes", null, null, Map.of("Authorization", "Basic dXNlcjpwYXNz"));

        assertEquals(401, reply.status(), reply.body());
        assertEquals("expected 'Authorization: Bearer <token>'", reply.error());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        Reply reply = server.send("GET", "/api/sfu-nodes", null, null,
                Map.of("Authorization", "bearer " + TestTokens.hs256("r1", List.of("subscribe"), IN_AN_HOUR)));

        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void theApiTakesNoTokenFromTheQuery() throws Exception {
        Reply reply = server.get("/api/sfu-nodes?token=" + TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR));

        assertEquals(401, reply.status(), reply.body());
    }

    @Test
    void aTokenDoesNotOpenUnknownEndpoints() throws Exception {
        Reply reply = server.send("GET", "/api/nothing-here", null, null, bearer(TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR)));

        assertEquals(404, reply.status(), reply.body());
    }

    @Test
    void theDashboardStaysPublic() throws Exception {
        // This module's tests have no dashboard files: a public miss is a 404, not a 401.
        Reply reply = server.get("/index.html");

        assertEquals(404, reply.status(), reply.body());
    }

    @Test
    void preflightNeedsNoToken() throws Exception {
        Reply reply = server.send("OPTIONS", "/api/produce", null, null,
                Map.of("Origin", "http://elsewhere", "Access-Control-Request-Headers", "authorization, content-type"));

        assertEquals(204, reply.status(), reply.body());
        assertEquals("authorization, content-type", reply.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
    }

    // --- other key types and open mode

    @Test
    void es256TokensOnAServerWithAnEcPublicKey() throws Exception {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        try (TestHttpServer es256Server = new TestHttpServer(TestHttpServer.SETTINGS
                .withAuth(AuthSettings.publicKeyPem(TestTokens.pem(pair.getPublic()))))) {
            String valid = TestTokens.es256(pair, TestTokens.claims("r1", List.of("publish"), IN_AN_HOUR).build());
            String otherKey = TestTokens.es256(TestTokens.ecKeyPair("secp256r1"),
                    TestTokens.claims("r1", List.of("publish"), IN_AN_HOUR).build());
            String hs256 = TestTokens.hs256("r1", List.of("publish"), IN_AN_HOUR);
            String body = "{\"producerId\": \"p1\"}";

            assertEquals(200, es256Server.send("POST", "/api/pause-producer", "application/json", body, bearer(valid)).status());
            assertEquals(401, es256Server.send("POST", "/api/pause-producer", "application/json", body, bearer(otherKey)).status());
            assertEquals(401, es256Server.send("POST", "/api/pause-producer", "application/json", body, bearer(hs256)).status());
            assertEquals(1, es256Server.service.callsOf("pauseProducer").size());
        }
    }

    @Test
    void openModeServesWithoutATokenAndLooksUpNoRoom() throws Exception {
        try (TestHttpServer open = new TestHttpServer()) {
            Reply reply = open.post("/api/close-producer", "{\"producerId\": \"p1\"}");

            assertEquals(200, reply.status(), reply.body());
            assertEquals(1, open.service.callsOf("closeProducer").size());
            assertTrue(open.service.callsOf("roomOf").isEmpty());
        }
    }

    // --- the event WebSocket

    @Test
    void webSocketWithoutATokenIs401() {
        assertEquals(401, handshakeStatus("/ws?room=r1", Map.of()));
        assertTrue(service.subscriptions.isEmpty());
    }

    @Test
    void webSocketWithAnExpiredTokenIs401() {
        String token = TestTokens.hs256("r1", List.of("subscribe"), Instant.now().minusSeconds(120));

        assertEquals(401, handshakeStatus("/ws?room=r1&token=" + token, Map.of()));
    }

    @Test
    void webSocketWithAForgedTokenIs401() {
        String token = TestTokens.hs256(TestTokens.OTHER_SECRET, TestTokens.claims("r1", List.of("subscribe"), IN_AN_HOUR).build());

        assertEquals(401, handshakeStatus("/ws?room=r1&token=" + token, Map.of()));
    }

    @Test
    void webSocketForAnotherRoomIs403() {
        String token = TestTokens.hs256("r2", List.of("subscribe"), IN_AN_HOUR);

        assertEquals(403, handshakeStatus("/ws?room=r1&token=" + token, Map.of()));
    }

    @Test
    void webSocketForEveryRoomNeedsATokenForEveryRoom() throws Exception {
        assertEquals(403, handshakeStatus("/ws?token=" + TestTokens.hs256("r1", List.of("subscribe"), IN_AN_HOUR), Map.of()));

        connect("/ws?token=" + TestTokens.hs256("*", List.of("subscribe"), IN_AN_HOUR), Map.of());
    }

    @Test
    void webSocketWithoutARightIs403() {
        String token = TestTokens.hs256("r1", List.of(), IN_AN_HOUR);

        assertEquals(403, handshakeStatus("/ws?room=r1&token=" + token, Map.of()));
    }

    @Test
    void webSocketTakesTheTokenFromTheQueryOrTheHeader() throws Exception {
        String token = TestTokens.hs256("r1", List.of("subscribe"), IN_AN_HOUR);

        connect("/ws?room=r1&token=" + token, Map.of());
        connect("/ws?room=r1", bearer(token));
    }

    // --- helpers

    private static Reply call(Endpoint endpoint, Map<String, String> headers) throws Exception {
        return server.send(endpoint.method(), endpoint.path(), endpoint.body() == null ? null : "application/json",
                endpoint.body(), headers);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The status the server refused the upgrade with (fails if it accepted). */
    private int handshakeStatus(String pathAndQuery, Map<String, String> headers) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> connect(pathAndQuery, headers));
        if (!(failure.getCause() instanceof WebSocketHandshakeException handshake)) {
            throw new AssertionError("expected a refused handshake", failure);
        }
        return handshake.getResponse().statusCode();
    }

    /** Opens a socket and waits for its hello. */
    private void connect(String pathAndQuery, Map<String, String> headers) throws Exception {
        CompletableFuture<String> hello = new CompletableFuture<>();
        WebSocket.Builder builder = server.client.newWebSocketBuilder();
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(server.wsUri(pathAndQuery), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                hello.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        sockets.add(socket);
        assertTrue(hello.get(10, TimeUnit.SECONDS).contains("\"hello\""));
    }
}
