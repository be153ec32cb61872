package dev.sfu.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Requests;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns request bodies and query parameters into {@link Requests} records, or throws an {@link ApiException}
 * (400) that names the problem. It checks shape only (required fields, types, enumerations); whether ids exist
 * and parameters negotiate is the service's business.
 */
public final class RequestValidator {
    static final int MAX_ID_LENGTH = 256;

    private static final ObjectReader READER = JsonSupport.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> DIRECTIONS = Set.of("send", "recv");
    private static final Set<String> DTLS_ROLES = Set.of("auto", "client", "server");

    /** Parses a body that must be one JSON object. */
    public JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw ApiException.badRequest("request body is empty; expected a JSON object");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object, not " + describe(node.getNodeType()));
        }
        return node;
    }

    public Requests.CreateTransport createTransport(JsonNode body) {
        String room = room(requiredText(body, "room"));
        String direction = requiredText(body, "direction");
        if (!DIRECTIONS.contains(direction)) {
            throw ApiException.badRequest("invalid direction '" + direction + "' (expected \"send\" or \"recv\")");
        }
        return new Requests.CreateTransport(room, direction, optionalId(body, "node"), optionalId(body, "producerId"));
    }

    public Requests.ConnectTransport connectTransport(JsonNode body) {
        String transportId = requiredId(body, "transportId");
        JsonNode dtls = requiredObject(body, "dtlsParameters");
        JsonNode role = dtls.get("role");
        if (role != null && !role.isNull() && !(role.isTextual() && DTLS_ROLES.contains(role.asText()))) {
            throw ApiException.badRequest("invalid dtlsParameters.role " + role
                    + " (expected \"auto\", \"client\" or \"server\")");
        }
        JsonNode fingerprints = dtls.get("fingerprints");
        if (fingerprints == null || !fingerprints.isArray() || fingerprints.isEmpty()) {
            throw ApiException.badRequest("missing field 'dtlsParameters.fingerprints' (a non-empty array)");
        }
        for (JsonNode fingerprint : fingerprints) {
            if (!fingerprint.isObject()) {
                throw ApiException.badRequest("each of dtlsParameters.fingerprints must be an object");
            }
            requiredText(fingerprint, "algorithm", "dtlsParameters.fingerprints[].algorithm");
            requiredText(fingerprint, "value", "dtlsParameters.fingerprints[].value");
        }
        return new Requests.ConnectTransport(transportId, convert(dtls, "dtlsParameters", DtlsParameters.class));
    }

    public Requests.Produce produce(JsonNode body) {
        String transportId = requiredId(body, "transportId");
        String kind = requiredText(body, "kind");
        try {
            MediaKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        JsonNode rtpParameters = requiredObject(body, "rtpParameters");
        requiredArray(rtpParameters, "codecs", "rtpParameters.codecs");
        JsonNode appData = body.get("appData");
        Map<String, Object> appDataMap = null;
        if (appData != null && !appData.isNull()) {
            if (!appData.isObject()) {
                throw ApiException.badRequest("field 'appData' must be an object");
            }
            appDataMap = JsonSupport.MAPPER.convertValue(appData, JsonSupport.MAPPER.getTypeFactory()
                    .constructMapType(Map.class, String.class, Object.class));
        }
        return new Requests.Produce(transportId, kind, convert(rtpParameters, "rtpParameters", RtpParameters.class),
                appDataMap);
    }

    public Requests.Consume consume(JsonNode body) {
        String transportId = requiredId(body, "transportId");
        String producerId = requiredId(body, "producerId");
        JsonNode caps = requiredObject(body, "rtpCapabilities");
        requiredArray(caps, "codecs", "rtpCapabilities.codecs");
        return new Requests.Consume(transportId, producerId, convert(caps, "rtpCapabilities", RtpCapabilities.class));
    }

    public Requests.ConsumerId consumerId(JsonNode body) {
        return new Requests.ConsumerId(requiredId(body, "consumerId"));
    }

    public Requests.ProducerId producerId(JsonNode body) {
        return new Requests.ProducerId(requiredId(body, "producerId"));
    }

    public Requests.TransportId transportId(JsonNode body) {
        return new Requests.TransportId(requiredId(body, "transportId"));
    }

    public Requests.Room room(JsonNode body) {
        return new Requests.Room(managedRoom(requiredText(body, "room")));
    }

    /** A room named in the path ({@code DELETE /api/rooms/{room}}). */
    public String roomSegment(String room) {
        return managedRoom(room);
    }

    /** "*" names every room in tokens and listings, so it cannot be created or closed as one room. */
    private String managedRoom(String room) {
        if ("*".equals(room)) {
            throw ApiException.badRequest("room '*' stands for every room; name one room");
        }
        return room(room);
    }

    public Requests.Drain drain(JsonNode body) {
        JsonNode draining = body.get("draining");
        if (draining == null || !draining.isBoolean()) {
            throw ApiException.badRequest("field 'draining' must be true or false");
        }
        return new Requests.Drain(optionalId(body, "node"), draining.booleanValue());
    }

    /** The {@code room} query parameter where an endpoint requires it. */
    public String requiredRoomParameter(Optional<String> room) {
        return room(room.orElseThrow(() -> ApiException.badRequest("missing query parameter 'room'")));
    }

    /** The {@code room} query parameter where it only filters; null means every room. */
    public String optionalRoomParameter(Optional<String> room) {
        return room.map(this::room).orElse(null);
    }

    private String room(String room) {
        if (room.isBlank()) {
            throw ApiException.badRequest("room must not be empty");
        }
        if (room.length() > MAX_ID_LENGTH) {
            throw ApiException.badRequest("room is longer than " + MAX_ID_LENGTH + " characters");
        }
        return room;
    }

    private static String requiredId(JsonNode body, String field) {
        String id = requiredText(body, field);
        checkIdLength(field, id);
        return id;
    }

    private static String optionalId(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a string, not " + describe(value.getNodeType()));
        }
        checkIdLength(field, value.asText());
        return value.asText().isEmpty() ? null : value.asText();
    }

    private static void checkIdLength(String field, String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw ApiException.badRequest("field '" + field + "' is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static String requiredText(JsonNode body, String field) {
        return requiredText(body, field, field);
    }

    private static String requiredText(JsonNode body, String field, String path) {
        JsonNode value = required(body, field, path);
        if (!value.isTextual()) {
            throw ApiException.badRequest("field '" + path + "' must be a string, not " + describe(value.getNodeType()));
        }
        if (value.asText().isEmpty()) {
            throw ApiException.badRequest("field '" + path + "' must not be empty");
        }
        return value.asText();
    }

    private static JsonNode requiredObject(JsonNode body, String field) {
        JsonNode value = required(body, field, field);
        if (!value.isObject()) {
            throw ApiException.badRequest("field '" + field + "' must be an object, not " + describe(value.getNodeType()));
        }
        return value;
    }

    private static void requiredArray(JsonNode body, String field, String path) {
        JsonNode value = required(body, field, path);
        if (!value.isArray()) {
            throw ApiException.badRequest("field '" + path + "' must be an array, not " + describe(value.getNodeType()));
        }
    }

    private static JsonNode required(JsonNode body, String field, String path) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("missing field '" + path + "'");
        }
        return value;
    }

    private static <T> T convert(JsonNode node, String field, Class<T> type) {
        try {
            return READER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid field '" + field + "': " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid field '" + field + "': " + e.getMessage());
        }
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }
}
