package dev.sfu.signaling;

import dev.sfu.signaling.TestHttpServer.Reply;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.auth.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room management over a real server that requires tokens: every room endpoint needs the admin right (401
 * without a token, 403 without admin or for another room), names its room correctly (400) and answers 404 for a
 * room no member holds. The recording service knows rooms r1 and r2.
 */
class RoomRoutesTest {
    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);
    private static TestHttpServer server;

    /** A room endpoint acting on room r1. */
    record Endpoint(String method, String path, String body, String serviceMethod) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(new Endpoint("POST", "/api/rooms", "{\"room\": \"r1\"}", "createRoom"),
                new Endpoint("DELETE", "/api/rooms/r1", null, "closeRoom"),
                new Endpoint("POST", "/api/close-room", "{\"room\": \"r1\"}", "closeRoom"));
    }

    static Stream<Endpoint> everyEndpoint() {
        return Stream.concat(Stream.of(new Endpoint("GET", "/api/rooms", null, "rooms")), endpoints());
    }

    @BeforeAll
    static void start() throws Exception {
        server = new TestHttpServer(TestHttpServer.SETTINGS.withAuth(AuthSettings.hs256(TestTokens.SECRET)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.service.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void withoutATokenIs401(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, null);

        assertEquals(401, reply.status(), reply.body());
        assertEquals("missing access token", reply.error());
        assertTrue(server.service.calls().isEmpty(), server.service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void publishAndSubscribeRightsAreNotEnough(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, TestTokens.hs256("*", List.of("publish", "subscribe"), IN_AN_HOUR));

        assertEquals(403, reply.status(), reply.body());
        assertEquals("token lacks the right for this request (needs admin)", reply.error());
        assertTrue(server.service.calls().isEmpty(), server.service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anAdminOfAnotherRoomIs403(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, TestTokens.hs256("r2", List.of("admin"), IN_AN_HOUR));

        assertEquals(403, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("token is for room 'r2'"), reply.error());
        assertTrue(server.service.callsOf(endpoint.serviceMethod()).isEmpty(), server.service.calls().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void anAdminOfTheRoomIsServed(Endpoint endpoint) throws Exception {
        Reply reply = call(endpoint, TestTokens.hs256("r1", List.of("admin"), IN_AN_HOUR));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, server.service.callsOf(endpoint.serviceMethod()).size(), server.service.calls().toString());
    }

    @Test
    void anAdminOfEveryRoomListsEveryRoom() throws Exception {
        Reply reply = server.send("GET", "/api/rooms", null, null, bearer(TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR)));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(2, reply.json().size(), reply.body());
        assertEquals("r1", reply.json().get(0).get("room").asText());
        assertEquals(2, reply.json().get(0).get("transports").asInt());
        assertEquals("sfu1", reply.json().get(0).get("members").get(0).asText());
        assertTrue(reply.json().get(1).get("created").asBoolean());
    }

    @Test
    void anAdminOfOneRoomListsOnlyThatRoom() throws Exception {
        Reply reply = server.send("GET", "/api/rooms", null, null, bearer(TestTokens.hs256("r2", List.of("admin"), IN_AN_HOUR)));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, reply.json().size(), reply.body());
        assertEquals("r2", reply.json().get(0).get("room").asText());
    }

    @Test
    void creatingAnswersWhetherTheRoomIsNew() throws Exception {
        String admin = TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR);

        Reply fresh = server.send("POST", "/api/rooms", "application/json", "{\"room\": \"r9\"}", bearer(admin));
        Reply known = server.send("POST", "/api/rooms", "application/json", "{\"room\": \"r1\"}", bearer(admin));

        assertEquals(200, fresh.status(), fresh.body());
        assertTrue(fresh.json().get("created").asBoolean());
        assertEquals("sfu1", fresh.json().get("node").asText());
        assertEquals(200, known.status(), known.body());
        assertEquals(false, known.json().get("created").asBoolean());
    }

    @Test
    void closingARoomNoMemberHoldsIs404() throws Exception {
        String admin = TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR);

        Reply deleted = server.send("DELETE", "/api/rooms/nowhere", null, null, bearer(admin));
        Reply posted = server.send("POST", "/api/close-room", "application/json", "{\"room\": \"nowhere\"}", bearer(admin));

        assertEquals(404, deleted.status(), deleted.body());
        assertEquals("unknown room 'nowhere'", deleted.error());
        assertEquals(404, posted.status(), posted.body());
    }

    @Test
    void closingAnswersWhatWasClosed() throws Exception {
        Reply reply = server.send("DELETE", "/api/rooms/r1", null, null,
                bearer(TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR)));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(2, reply.json().get("transports").asInt());
        assertEquals(1, reply.json().get("consumers").asInt());
        assertEquals("r1", server.service.onlyArgumentOf("closeRoom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadRoomIs400(String path, String body, String error) throws Exception {
        Reply reply = server.send("POST", path, "application/json", body,
                bearer(TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR)));

        assertEquals(400, reply.status(), reply.body());
        assertEquals(error, reply.error());
        assertTrue(server.service.calls().isEmpty(), server.service.calls().toString());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badBodies() {
        return Stream.of("/api/rooms", "/api/close-room").flatMap(path -> Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(path, "{}", "missing field 'room'"),
                org.junit.jupiter.params.provider.Arguments.of(path, "{\"room\": 7}", "field 'room' must be a string, not a number"),
                org.junit.jupiter.params.provider.Arguments.of(path, "{\"room\": \"\"}", "field 'room' must not be empty"),
                org.junit.jupiter.params.provider.Arguments.of(path, "{\"room\": \"*\"}", "room '*' stands for every room; name one room"),
                org.junit.jupiter.params.provider.Arguments.of(path, "{\"room\": \"" + "x".repeat(300) + "\"}",
                        "room is longer than 256 characters"),
                org.junit.jupiter.params.provider.Arguments.of(path, "[\"r1\"]", "request body must be a JSON object, not an array")));
    }

    @Test
    void closingEveryRoomAtOnceIs400() throws Exception {
        Reply reply = server.send("DELETE", "/api/rooms/*", null, null,
                bearer(TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR)));

        assertEquals(400, reply.status(), reply.body());
        assertTrue(server.service.calls().isEmpty(), server.service.calls().toString());
    }

    @Test
    void anotherMethodIs405() throws Exception {
        Reply reply = server.send("PUT", "/api/rooms", "application/json", "{\"room\": \"r1\"}",
                bearer(TestTokens.hs256("*", List.of("admin"), IN_AN_HOUR)));

        assertEquals(405, reply.status(), reply.body());
        reply.error();
    }

    private static Reply call(Endpoint endpoint, String token) throws Exception {
        return server.send(endpoint.method(), endpoint.path(), endpoint.body() == null ? null : "application/json",
                endpoint.body(), token == null ? Map.of() : bearer(token));
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
