package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Requests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestValidatorTest {
    private final RequestValidator validator = new RequestValidator();

    private JsonNode json(String text) {
        return validator.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBadRequest(String message, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(400, e.status());
        assertEquals(message, e.getMessage());
    }

    @Test
    void parseAcceptsOneObject() {
        assertEquals("r1", json(" {\"room\": \"r1\"} \n").get("room").asText());
    }

    @Test
    void parseRejectsWhatIsNotOneObject() {
        assertBadRequest("request body is empty; expected a JSON object", () -> json(""));
        assertBadRequest("request body is empty; expected a JSON object", () -> json("   "));
        assertBadRequest("request body must be a JSON object, not a string", () -> json("\"x\""));
        assertBadRequest("request body must be a JSON object, not null", () -> json("null"));
        ApiException truncated = assertThrows(ApiException.class, () -> json("{\"room\": \"r1\""));
        assertEquals(400, truncated.status());
        ApiException twoObjects = assertThrows(ApiException.class, () -> json("{} {}"));
        assertEquals(400, twoObjects.status());
    }

    @Test
    void parseRejectsInvalidUtf8AsMalformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ApiException e = assertThrows(ApiException.class, () -> validator.parse(body));
        assertEquals(400, e.status());
        assertEquals(true, e.getMessage().startsWith("malformed JSON: "), e.getMessage());
    }

    @Test
    void drainNeedsABooleanAndTakesAnOptionalNode() {
        assertEquals(new Requests.Drain("sfu2", true), validator.drain(json("{\"node\": \"sfu2\", \"draining\": true}")));
        assertEquals(new Requests.Drain(null, false), validator.drain(json("{\"draining\": false}")));
        assertBadRequest("field 'draining' must be true or false", () -> validator.drain(json("{\"node\": \"sfu2\"}")));
        assertBadRequest("field 'draining' must be true or false", () -> validator.drain(json("{\"draining\": \"yes\"}")));
        assertEquals(400, assertThrows(ApiException.class,
                () -> validator.drain(json("{\"node\": 7, \"draining\": true}"))).status());
    }

    @Test
    void createTransportTreatsEmptyHintsAsAbsent() {
        Requests.CreateTransport request = validator.createTransport(json(
                "{\"room\": \"r1\", \"direction\": \"recv\", \"node\": \"\", \"producerId\": null}"));

        assertNull(request.node());
        assertNull(request.producerId());
    }

    @Test
    void createTransportRejectsABlankRoom() {
        assertBadRequest("room must not be empty", () -> validator.createTransport(json(
                "{\"room\": \"  \", \"direction\": \"send\"}")));
        assertBadRequest("field 'room' must not be empty", () -> validator.createTransport(json(
                "{\"room\": \"\", \"direction\": \"send\"}")));
    }

    @Test
    void connectTransportChecksEachFingerprint() {
        assertBadRequest("missing field 'dtlsParameters.fingerprints[].value'", () -> validator.connectTransport(json(
                "{\"transportId\": \"t\", \"dtlsParameters\": {\"fingerprints\": [{\"algorithm\": \"sha-256\"}]}}")));
        assertBadRequest("each of dtlsParameters.fingerprints must be an object", () -> validator.connectTransport(json(
                "{\"transportId\": \"t\", \"dtlsParameters\": {\"fingerprints\": [\"AB:CD\"]}}")));
        assertBadRequest("missing field 'dtlsParameters.fingerprints' (a non-empty array)", () -> validator.connectTransport(json(
                "{\"transportId\": \"t\", \"dtlsParameters\": {\"fingerprints\": []}}")));
    }

    @Test
    void connectTransportAcceptsAMissingRole() {
        Requests.ConnectTransport request = validator.connectTransport(json(
                "{\"transportId\": \"t\", \"dtlsParameters\": {\"fingerprints\": [{\"algorithm\": \"sha-256\", \"value\": \"AB\"}]}}"));

        assertNull(request.dtlsParameters().role());
        assertEquals("AB", request.dtlsParameters().fingerprints().get(0).value());
    }

    @Test
    void produceWithoutAppDataLeavesItNull() {
        Requests.Produce request = validator.produce(json(
                "{\"transportId\": \"t\", \"kind\": \"audio\", \"rtpParameters\": {\"codecs\": []}}"));

        assertNull(request.appData());
        assertEquals("audio", request.kind());
    }

    @Test
    void produceRejectsAKindOfTheWrongType() {
        assertBadRequest("field 'kind' must be a string, not a boolean", () -> validator.produce(json(
                "{\"transportId\": \"t\", \"kind\": true, \"rtpParameters\": {\"codecs\": []}}")));
    }

    @Test
    void roomParameters() {
        assertEquals("r1", validator.requiredRoomParameter(Optional.of("r1")));
        assertBadRequest("missing query parameter 'room'", () -> validator.requiredRoomParameter(Optional.empty()));
        assertNull(validator.optionalRoomParameter(Optional.empty()));
        assertBadRequest("room must not be empty", () -> validator.optionalRoomParameter(Optional.of("")));
    }
}
