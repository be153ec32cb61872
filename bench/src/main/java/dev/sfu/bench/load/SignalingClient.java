package dev.sfu.bench.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.media.transport.IceCandidate;
import dev.sfu.media.transport.IceParameters;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The signaling API as a client sees it (the HTTP contract of signaling-http, nothing else): JSON over
 * {@code java.net.http}, one method per endpoint the load tool calls. Blocking; thread-safe. Every round trip's
 * duration goes into {@link #roundTrips()}.
 */
public final class SignalingClient {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** A transport as create-transport returns it. */
    public record Transport(String url, String id, String node, IceParameters iceParameters,
                            List<IceCandidate> iceCandidates, DtlsParameters dtlsParameters) {
    }

    /** A consumer as consume returns it: its SSRC is how received packets are told apart. */
    public record Consumer(String id, String kind, long ssrc, String node) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final LatencyHistogram roundTrips = new LatencyHistogram();

    public SignalingClient(Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    public RtpCapabilities routerRtpCapabilities(String url, String room) {
        JsonNode caps = call(url, "/api/router-rtp-capabilities?room=" + URLEncoder.encode(room, StandardCharsets.UTF_8),
                null);
        return convert(caps, RtpCapabilities.class);
    }

    /** The ids of the members that {@code GET /api/sfu-nodes} lists as Up. */
    public List<String> upMembers(String url) {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode member : call(url, "/api/sfu-nodes", null)) {
            if ("Up".equals(member.path("status").asText())) ids.add(member.path("id").asText());
        }
        return ids;
    }

    /** {@code node} and {@code producerId} are the optional placement hints; null leaves them out. */
    public Transport createTransport(String url, String room, String direction, String node, String producerId) {
        ObjectNode body = JSON.createObjectNode().put("room", room).put("direction", direction);
        if (node != null) body.put("node", node);
        if (producerId != null) body.put("producerId", producerId);
        JsonNode t = call(url, "/api/create-transport", body);
        return new Transport(url, text(t, "id"), text(t, "node"),
                convert(t.get("iceParameters"), IceParameters.class),
                List.of(convert(t.get("iceCandidates"), IceCandidate[].class)),
                convert(t.get("dtlsParameters"), DtlsParameters.class));
    }

    public void connectTransport(Transport transport, DtlsParameters local) {
        ObjectNode body = JSON.createObjectNode().put("transportId", transport.id());
        body.set("dtlsParameters", JSON.valueToTree(local));
        call(transport.url(), "/api/connect-transport", body);
    }

    /** Returns the producer id. */
    public String produce(Transport transport, String kind, JsonNode rtpParameters) {
        ObjectNode body = JSON.createObjectNode().put("transportId", transport.id()).put("kind", kind);
        body.set("rtpParameters", rtpParameters);
        return text(call(transport.url(), "/api/produce", body), "id");
    }

    public Consumer consume(Transport transport, String producerId, JsonNode rtpCapabilities) {
        ObjectNode body = JSON.createObjectNode().put("transportId", transport.id()).put("producerId", producerId);
        body.set("rtpCapabilities", rtpCapabilities);
        JsonNode c = call(transport.url(), "/api/consume", body);
        JsonNode ssrc = c.path("rtpParameters").path("encodings").path(0).path("ssrc");
        if (!ssrc.canConvertToLong()) {
            throw new SignalingException("consume", 200, "answer has no rtpParameters.encodings[0].ssrc: " + c);
        }
        return new Consumer(text(c, "id"), text(c, "kind"), ssrc.asLong(), c.path("node").asText(null));
    }

    public void resumeConsumer(Transport transport, String consumerId) {
        call(transport.url(), "/api/resume-consumer", JSON.createObjectNode().put("consumerId", consumerId));
    }

    public void closeTransport(Transport transport) {
        call(transport.url(), "/api/close-transport", JSON.createObjectNode().put("transportId", transport.id()));
    }

    /** A copy of the round-trip times so far (µs). */
    public LatencyHistogram roundTrips() {
        synchronized (roundTrips) {
            return roundTrips.copy();
        }
    }

    /** GET when {@code body} is null, else POST it as JSON; the answer's JSON, or a {@link SignalingException}. */
    JsonNode call(String url, String path, JsonNode body) {
        String name = (body == null ? "GET " : "POST ") + url + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignalingException(name, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException(name, 0, "interrupted");
        }
        synchronized (roundTrips) {
            roundTrips.record((System.nanoTime() - start) / 1_000);
        }
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SignalingException(name, response.statusCode(), "answer is not JSON: " + abbreviate(response.body()));
        }
        if (response.statusCode() / 100 != 2) {
            throw new SignalingException(name, response.statusCode(), json.path("error").asText(abbreviate(response.body())));
        }
        return json;
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SignalingException("parsing " + type.getSimpleName(), 200, e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SignalingException("answer field '" + field + "'", 200, "missing in " + abbreviate(node.toString()));
        }
        return value.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
