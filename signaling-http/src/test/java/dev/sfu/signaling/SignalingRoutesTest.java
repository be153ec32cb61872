package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.transport.DtlsFingerprint;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.signaling.TestHttpServer.Reply;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API through a real server and client, in front of a recording service. */
class SignalingRoutesTest {

    // --- request bodies as mediasoup-client apps send them

    static final String CONNECT_BODY = """
            {"transportId": "t1", "dtlsParameters": {"role": "client",
              "fingerprints": [{"algorithm": "sha-256", "value": "AB:CD:EF"}]}}""";

    static final String PRODUCE_BODY = """
            {"transportId": "t1", "kind": "video",
             "rtpParameters": {"mid": "0",
               "codecs": [{"mimeType": "video/VP8", "payloadType": 96, "clockRate": 90000, "parameters": {},
                           "rtcpFeedback": [{"type": "nack", "parameter": ""}, {"type": "nack", "parameter": "pli"}]},
                          {"mimeType": "video/rtx", "payloadType": 97, "clockRate": 90000, "parameters": {"apt": 96},
                           "rtcpFeedback": []}],
               "headerExtensions": [{"uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "id": 4, "encrypt": false, "parameters": {}}],
               "encodings": [{"ssrc": 1111, "rtx": {"ssrc": 2222}, "dtx": false}],
               "rtcp": {"cname": "abc", "reducedSize": true}},
             "appData": {"source": "camera"}}""";

    static final String CONSUME_BODY = """
            {"transportId": "t2", "producerId": "p1",
             "rtpCapabilities": {
               "codecs": [{"kind": "video", "mimeType": "video/VP8", "preferredPayloadType": 101, "clockRate": 90000,
                           "parameters": {}, "rtcpFeedback": [{"type": "nack"}]}],
               "headerExtensions": [{"kind": "video", "uri": "urn:ietf:params:rtp-hdrext:sdes:mid", "preferredId": 1,
                                     "preferredEncrypt": false, "direction": "sendrecv"}]}}""";

    /** A POST endpoint, a valid body, the service method it calls, and its first required field. */
    record PostEndpoint(String path, String validBody, String serviceMethod, String firstField) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<PostEndpoint> postEndpoints() {
        return Stream.of(
                new PostEndpoint("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"send\"}", "createTransport", "room"),
                new PostEndpoint("/api/connect-transport", CONNECT_BODY, "connectTransport", "transportId"),
                new PostEndpoint("/api/produce", PRODUCE_BODY, "produce", "transportId"),
                new PostEndpoint("/api/consume", CONSUME_BODY, "consume", "transportId"),
                new PostEndpoint("/api/resume-consumer", "{\"consumerId\": \"c1\"}", "resumeConsumer", "consumerId"),
                new PostEndpoint("/api/pause-consumer", "{\"consumerId\": \"c1\"}", "pauseConsumer", "consumerId"),
                new PostEndpoint("/api/close-consumer", "{\"consumerId\": \"c1\"}", "closeConsumer", "consumerId"),
                new PostEndpoint("/api/pause-producer", "{\"producerId\": \"p1\"}", "pauseProducer", "producerId"),
                new PostEndpoint("/api/resume-producer", "{\"producerId\": \"p1\"}", "resumeProducer", "producerId"),
                new PostEndpoint("/api/close-producer", "{\"producerId\": \"p1\"}", "closeProducer", "producerId"),
                new PostEndpoint("/api/close-transport", "{\"transportId\": \"t1\"}", "closeTransport", "transportId"));
    }

    /** A GET endpoint with a valid query and the service method it calls. */
    record GetEndpoint(String pathAndQuery, String serviceMethod) {
        @Override
        public String toString() {
            return pathAndQuery;
        }
    }

    static Stream<GetEndpoint> getEndpoints() {
        return Stream.of(
                new GetEndpoint("/api/router-rtp-capabilities?room=r1", "routerRtpCapabilities"),
                new GetEndpoint("/api/streams?room=r1", "streams"),
                new GetEndpoint("/api/stats", "stats"),
                new GetEndpoint("/api/connections", "connections"),
                new GetEndpoint("/api/sfu-nodes", "nodes"));
    }

    private static TestHttpServer server;
    private static RecordingSignalingService service;

    @BeforeAll
    static void start() throws Exception {
        server = new TestHttpServer();
        service = server.service;
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetService() {
        service.reset();
    }

    // --- happy paths

    @Test
    void clusterOperationsAMemberDoesNotServeAre501s() throws Exception {
        Reply drain = server.post("/api/drain", "{\"draining\": true}");
        assertEquals(501, drain.status(), drain.body());
        assertEquals("draining is not supported by this member", drain.json().get("error").asText());
        Reply members = server.get("/api/cluster-members");
        assertEquals(501, members.status(), members.body());
        Reply badDrain = server.post("/api/drain", "{\"draining\": 1}");
        assertEquals(400, badDrain.status(), badDrain.body());
    }

    @Test
    void routerRtpCapabilitiesAreTheServicesForTheRoom() throws Exception {
        Reply reply = server.get("/api/router-rtp-capabilities?room=r1");

        assertEquals(200, reply.status(), reply.body());
        JsonNode opus = reply.json().get("codecs").get(0);
        assertEquals("audio", opus.get("kind").asText());
        assertEquals("audio/opus", opus.get("mimeType").asText());
        assertEquals(100, opus.get("preferredPayloadType").asInt());
        assertEquals(48000, opus.get("clockRate").asInt());
        assertEquals(2, opus.get("channels").asInt());
        assertEquals("transport-cc", opus.get("rtcpFeedback").get(0).get("type").asText());
        assertFalse(reply.json().get("codecs").get(1).has("channels"), "nulls are left out, as mediasoup does");
        JsonNode mid = reply.json().get("headerExtensions").get(0);
        assertEquals("urn:ietf:params:rtp-hdrext:sdes:mid", mid.get("uri").asText());
        assertEquals(1, mid.get("preferredId").asInt());
        assertEquals("r1", service.onlyArgumentOf("routerRtpCapabilities"));
    }

    @Test
    void createTransportPassesPlacementHintsAndAnswersTransportParameters() throws Exception {
        Reply reply = server.post("/api/create-transport",
                "{\"room\": \"r1\", \"direction\": \"recv\", \"node\": \"sfu2\", \"producerId\": \"p9\"}");

        assertEquals(200, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals("t1", json.get("id").asText());
        assertEquals("sfu1", json.get("node").asText());
        assertEquals("ufrag1", json.get("iceParameters").get("usernameFragment").asText());
        assertEquals("pwd1", json.get("iceParameters").get("password").asText());
        assertTrue(json.get("iceParameters").get("iceLite").asBoolean());
        JsonNode candidate = json.get("iceCandidates").get(0);
        for (String field : List.of("foundation", "priority", "ip", "address", "protocol", "port", "type")) {
            assertTrue(candidate.has(field), "candidate field " + field + " in " + candidate);
        }
        assertEquals(40001, candidate.get("port").asInt());
        assertEquals("auto", json.get("dtlsParameters").get("role").asText());
        assertEquals("sha-256", json.get("dtlsParameters").get("fingerprints").get(0).get("algorithm").asText());
        assertEquals(new Requests.CreateTransport("r1", "recv", "sfu2", "p9"), service.onlyArgumentOf("createTransport"));
    }

    @Test
    void createTransportWithoutHintsLeavesThemNull() throws Exception {
        assertEquals(200, server.post("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"send\"}").status());
        assertEquals(new Requests.CreateTransport("r1", "send", null, null), service.onlyArgumentOf("createTransport"));
    }

    @Test
    void connectTransportPassesTheClientsDtlsParameters() throws Exception {
        Reply reply = server.post("/api/connect-transport", CONNECT_BODY);

        assertEquals(200, reply.status(), reply.body());
        assertEquals("{}", reply.body());
        assertEquals(new Requests.ConnectTransport("t1",
                        new DtlsParameters("client", List.of(new DtlsFingerprint("sha-256", "AB:CD:EF")))),
                service.onlyArgumentOf("connectTransport"));
    }

    @Test
    void produceParsesRtpParametersAndAnswersTheProducerId() throws Exception {
        Reply reply = server.post("/api/produce", PRODUCE_BODY);

        assertEquals(200, reply.status(), reply.body());
        assertEquals("p1", reply.json().get("id").asText());
        Requests.Produce request = (Requests.Produce) service.onlyArgumentOf("produce");
        assertEquals("t1", request.transportId());
        assertEquals("video", request.kind());
        assertEquals(Map.of("source", "camera"), request.appData());
        RtpParameters rtp = request.rtpParameters();
        assertEquals("0", rtp.mid());
        assertEquals(96, rtp.codecs().get(0).payloadType());
        assertEquals("pli", rtp.codecs().get(0).rtcpFeedback().get(1).parameter());
        assertEquals(Map.of("apt", 96), rtp.codecs().get(1).parameters());
        assertEquals(1111L, rtp.encodings().get(0).ssrc());
        assertEquals(2222L, rtp.encodings().get(0).rtx().ssrc());
        assertEquals(4, rtp.headerExtensions().get(0).id());
        assertEquals("abc", rtp.rtcp().cname());
    }

    @Test
    void consumeParsesCapabilitiesAndAnswersAPausedConsumersParameters() throws Exception {
        Reply reply = server.post("/api/consume", CONSUME_BODY);

        assertEquals(200, reply.status(), reply.body());
        JsonNode json = reply.json();
        assertEquals("c1", json.get("id").asText());
        assertEquals("p1", json.get("producerId").asText());
        assertEquals("video", json.get("kind").asText());
        assertEquals("simple", json.get("type").asText());
        assertFalse(json.get("producerPaused").asBoolean());
        assertEquals(101, json.get("rtpParameters").get("codecs").get(0).get("payloadType").asInt());
        assertEquals(1234, json.get("rtpParameters").get("encodings").get(0).get("ssrc").asLong());
        Requests.Consume request = (Requests.Consume) service.onlyArgumentOf("consume");
        assertEquals("t2", request.transportId());
        assertEquals("p1", request.producerId());
        assertEquals("video/VP8", request.rtpCapabilities().codecs().get(0).mimeType());
        assertEquals("", request.rtpCapabilities().codecs().get(0).rtcpFeedback().get(0).parameter());
        assertEquals("sendrecv", request.rtpCapabilities().headerExtensions().get(0).direction());
    }

    static Stream<Object[]> idEndpoints() {
        return Stream.of(
                new Object[]{"/api/resume-consumer", "consumerId", "resumeConsumer"},
                new Object[]{"/api/pause-consumer", "consumerId", "pauseConsumer"},
                new Object[]{"/api/close-consumer", "consumerId", "closeConsumer"},
                new Object[]{"/api/pause-producer", "producerId", "pauseProducer"},
                new Object[]{"/api/resume-producer", "producerId", "resumeProducer"},
                new Object[]{"/api/close-producer", "producerId", "closeProducer"},
                new Object[]{"/api/close-transport", "transportId", "closeTransport"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idEndpoints")
    void idEndpointsPassTheIdAndAnswerAnEmptyObject(String path, String field, String method) throws Exception {
        Reply reply = server.post(path, "{\"" + field + "\": \"id-42\"}");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("{}", reply.body());
        assertEquals("id-42", service.onlyArgumentOf(method));
    }

    @Test
    void streamsOfARoom() throws Exception {
        Reply reply = server.get("/api/streams?room=r1");

        assertEquals(200, reply.status(), reply.body());
        JsonNode stream = reply.json().get(0);
        assertEquals("p1", stream.get("producerId").asText());
        assertEquals("r1", stream.get("room").asText());
        assertEquals("video", stream.get("kind").asText());
        assertEquals("sfu1", stream.get("node").asText());
        assertEquals("sfu2", stream.get("pipedTo").get(0).asText());
        assertEquals("r1", service.onlyArgumentOf("streams"));
    }

    @Test
    void streamsOfEveryRoomWhenNoneIsGiven() throws Exception {
        assertEquals(200, server.get("/api/streams").status());
        assertNull(service.onlyArgumentOf("streams"));
    }

    @Test
    void statsAreTheServicesPlusEventSocketCounters() throws Exception {
        Reply reply = server.get("/api/stats");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("sfu1", reply.json().get("node").asText());
        assertEquals(1, reply.json().get("transports").asInt());
        assertTrue(reply.json().get("eventSockets").has("dropped"), reply.body());
    }

    @Test
    void connectionsAcrossTheCluster() throws Exception {
        Reply reply = server.get("/api/connections");

        assertEquals(200, reply.status(), reply.body());
        JsonNode connection = reply.json().get(0);
        assertEquals("t1", connection.get("id").asText());
        assertEquals("sfu1", connection.get("node").asText());
        assertEquals("connected", connection.get("dtlsState").asText());
    }

    @Test
    void sfuNodes() throws Exception {
        Reply reply = server.get("/api/sfu-nodes");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("sfu1", reply.json().get(0).get("id").asText());
        assertEquals("Up", reply.json().get(0).get("status").asText());
        assertEquals(0, reply.json().get(0).get("load").get("transports").asInt());
    }

    // --- CORS

    @Test
    void jsonAnswersAllowAnyOrigin() throws Exception {
        assertEquals("*", server.get("/api/sfu-nodes").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("*", server.get("/api/nope").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("*", server.post("/api/produce", "{").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void preflightAllowsPostWithJson() throws Exception {
        Reply reply = server.send(HttpRequest.newBuilder(server.uri("/api/create-transport"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:3002")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());

        assertEquals(204, reply.status());
        assertEquals("*", reply.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(reply.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertEquals("content-type", reply.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
        assertTrue(service.calls.isEmpty(), "a preflight never reaches the service");
    }

    // --- bad input, for every POST endpoint

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void malformedJsonIs400(PostEndpoint endpoint) throws Exception {
        Reply reply = server.post(endpoint.path(), "{\"" + endpoint.firstField() + "\": ");

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("malformed JSON: "), reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void trailingGarbageIs400(PostEndpoint endpoint) throws Exception {
        Reply reply = server.post(endpoint.path(), endpoint.validBody() + " }");

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("malformed JSON: "), reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void emptyBodyIs400(PostEndpoint endpoint) throws Exception {
        Reply reply = server.post(endpoint.path(), "");

        assertEquals(400, reply.status(), reply.body());
        assertEquals("request body is empty; expected a JSON object", reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void bodyThatIsNotAnObjectIs400(PostEndpoint endpoint) throws Exception {
        Reply reply = server.post(endpoint.path(), "[" + endpoint.validBody() + "]");

        assertEquals(400, reply.status(), reply.body());
        assertEquals("request body must be a JSON object, not an array", reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void missingFieldIs400NamingIt(PostEndpoint endpoint) throws Exception {
        Reply reply = server.post(endpoint.path(), "{}");

        assertEquals(400, reply.status(), reply.body());
        assertEquals("missing field '" + endpoint.firstField() + "'", reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void fieldOfTheWrongTypeIs400NamingIt(PostEndpoint endpoint) throws Exception {
        String body = JsonSupport.MAPPER.readTree(endpoint.validBody()).deepCopy()
                .<com.fasterxml.jackson.databind.node.ObjectNode>require()
                .put(endpoint.firstField(), 42).toString();

        Reply reply = server.post(endpoint.path(), body);

        assertEquals(400, reply.status(), reply.body());
        assertEquals("field '" + endpoint.firstField() + "' must be a string, not a number", reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void unknownIdKeepsTheServicesStatusAndMessage(PostEndpoint endpoint) throws Exception {
        service.failWith(endpoint.serviceMethod(), ApiException.notFound("unknown transport 't1'"));

        Reply reply = server.post(endpoint.path(), endpoint.validBody());

        assertEquals(404, reply.status(), reply.body());
        assertEquals("unknown transport 't1'", reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void unexpectedServiceFailureIs500(PostEndpoint endpoint) throws Exception {
        service.failWith(endpoint.serviceMethod(), new IllegalStateException("boom"));

        Reply reply = server.post(endpoint.path(), endpoint.validBody());

        assertEquals(500, reply.status(), reply.body());
        assertTrue(reply.error().contains("boom"), reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void serviceThatNeverAnswersIs504(PostEndpoint endpoint) throws Exception {
        service.hang(endpoint.serviceMethod());

        Reply reply = server.post(endpoint.path(), endpoint.validBody());

        assertEquals(504, reply.status(), reply.body());
        assertEquals("the cluster did not answer within 500 ms", reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void wrongContentTypeIs415(PostEndpoint endpoint) throws Exception {
        Reply reply = server.send("POST", endpoint.path(), "text/plain", endpoint.validBody());

        assertEquals(415, reply.status(), reply.body());
        assertTrue(reply.error().contains("expected application/json"), reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void jsonWithACharsetIsAccepted() throws Exception {
        Reply reply = server.send("POST", "/api/close-transport", "application/json; charset=UTF-8", "{\"transportId\": \"t1\"}");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("t1", service.onlyArgumentOf("closeTransport"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void missingContentTypeIs415(PostEndpoint endpoint) throws Exception {
        Reply reply = server.send("POST", endpoint.path(), null, endpoint.validBody());

        assertEquals(415, reply.status(), reply.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void oversizedBodyIs413(PostEndpoint endpoint) throws Exception {
        String padding = "x".repeat(300 * 1024);
        String body = "{\"" + endpoint.firstField() + "\": \"" + padding + "\"}";

        Reply reply = server.post(endpoint.path(), body);

        assertEquals(413, reply.status(), reply.body());
        assertEquals("request body too large (limit 262144 bytes)", reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        Reply reply = server.send(chunkedPost("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"send\"}"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(new Requests.CreateTransport("r1", "send", null, null), service.onlyArgumentOf("createTransport"));
    }

    @Test
    void chunkedBodyBeyondTheLimitIs413() throws Exception {
        Reply reply = server.send(chunkedPost("/api/create-transport",
                "{\"room\": \"" + "x".repeat(300 * 1024) + "\", \"direction\": \"send\"}"));

        assertEquals(413, reply.status(), reply.body());
        assertEquals("request body too large (limit 262144 bytes)", reply.error());
        assertTrue(service.calls.isEmpty());
    }

    /** A POST without Content-Length: the body arrives as a stream of chunks. */
    private static HttpRequest chunkedPost(String path, String body) {
        return HttpRequest.newBuilder(server.uri(path))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void getIs405(PostEndpoint endpoint) throws Exception {
        Reply reply = server.get(endpoint.path());

        assertEquals(405, reply.status(), reply.body());
        assertEquals("method not allowed; supported: POST", reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postEndpoints")
    void overlongIdIs400(PostEndpoint endpoint) throws Exception {
        String body = JsonSupport.MAPPER.readTree(endpoint.validBody()).deepCopy()
                .<com.fasterxml.jackson.databind.node.ObjectNode>require()
                .put(endpoint.firstField(), "i".repeat(RequestValidator.MAX_ID_LENGTH + 1)).toString();

        Reply reply = server.post(endpoint.path(), body);

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.error().contains("longer than 256 characters"), reply.error());
    }

    // --- field checks particular to one endpoint

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "\"SEND\"", "7"})
    void createTransportRejectsAnInvalidDirection(String direction) throws Exception {
        Reply reply = server.post("/api/create-transport", "{\"room\": \"r1\", \"direction\": " + direction + "}");

        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.error().contains("direction"), reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void createTransportNamesTheInvalidDirection() throws Exception {
        Reply reply = server.post("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"x\"}");

        assertEquals("invalid direction 'x' (expected \"send\" or \"recv\")", reply.error());
    }

    @Test
    void createTransportRequiresADirection() throws Exception {
        Reply reply = server.post("/api/create-transport", "{\"room\": \"r1\"}");

        assertEquals(400, reply.status());
        assertEquals("missing field 'direction'", reply.error());
    }

    @Test
    void createTransportRejectsANonStringNodeHint() throws Exception {
        Reply reply = server.post("/api/create-transport", "{\"room\": \"r1\", \"direction\": \"send\", \"node\": [1]}");

        assertEquals(400, reply.status());
        assertEquals("field 'node' must be a string, not an array", reply.error());
    }

    @Test
    void connectTransportRequiresFingerprints() throws Exception {
        Reply reply = server.post("/api/connect-transport", "{\"transportId\": \"t1\", \"dtlsParameters\": {\"role\": \"client\"}}");

        assertEquals(400, reply.status());
        assertEquals("missing field 'dtlsParameters.fingerprints' (a non-empty array)", reply.error());
    }

    @Test
    void connectTransportRejectsAnUnknownDtlsRole() throws Exception {
        Reply reply = server.post("/api/connect-transport", CONNECT_BODY.replace("\"client\"", "\"boss\""));

        assertEquals(400, reply.status());
        assertTrue(reply.error().startsWith("invalid dtlsParameters.role \"boss\""), reply.error());
    }

    @Test
    void connectTransportRejectsDtlsParametersThatAreNotAnObject() throws Exception {
        Reply reply = server.post("/api/connect-transport", "{\"transportId\": \"t1\", \"dtlsParameters\": \"x\"}");

        assertEquals(400, reply.status());
        assertEquals("field 'dtlsParameters' must be an object, not a string", reply.error());
    }

    @Test
    void produceRejectsAnInvalidKind() throws Exception {
        Reply reply = server.post("/api/produce", PRODUCE_BODY.replace("\"kind\": \"video\"", "\"kind\": \"data\""));

        assertEquals(400, reply.status());
        assertEquals("invalid kind 'data' (expected \"audio\" or \"video\")", reply.error());
    }

    @Test
    void produceRequiresRtpParametersWithCodecs() throws Exception {
        Reply missing = server.post("/api/produce", "{\"transportId\": \"t1\", \"kind\": \"audio\"}");
        Reply noCodecs = server.post("/api/produce", "{\"transportId\": \"t1\", \"kind\": \"audio\", \"rtpParameters\": {}}");
        Reply codecsNotArray = server.post("/api/produce",
                "{\"transportId\": \"t1\", \"kind\": \"audio\", \"rtpParameters\": {\"codecs\": 5}}");

        assertEquals("missing field 'rtpParameters'", missing.error());
        assertEquals("missing field 'rtpParameters.codecs'", noCodecs.error());
        assertEquals("field 'rtpParameters.codecs' must be an array, not a number", codecsNotArray.error());
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void produceRejectsRtpParametersOfTheWrongShape() throws Exception {
        Reply reply = server.post("/api/produce", PRODUCE_BODY.replace("\"payloadType\": 96", "\"payloadType\": \"ninety\""));

        assertEquals(400, reply.status());
        assertTrue(reply.error().startsWith("invalid field 'rtpParameters': "), reply.error());
    }

    @Test
    void produceRejectsAppDataThatIsNotAnObject() throws Exception {
        Reply reply = server.post("/api/produce", PRODUCE_BODY.replace("{\"source\": \"camera\"}", "\"camera\""));

        assertEquals(400, reply.status());
        assertEquals("field 'appData' must be an object", reply.error());
    }

    @Test
    void consumeRequiresProducerIdAndCapabilities() throws Exception {
        Reply noProducer = server.post("/api/consume", "{\"transportId\": \"t2\", \"rtpCapabilities\": {\"codecs\": []}}");
        Reply noCaps = server.post("/api/consume", "{\"transportId\": \"t2\", \"producerId\": \"p1\"}");
        Reply capsWithoutCodecs = server.post("/api/consume",
                "{\"transportId\": \"t2\", \"producerId\": \"p1\", \"rtpCapabilities\": {}}");

        assertEquals("missing field 'producerId'", noProducer.error());
        assertEquals("missing field 'rtpCapabilities'", noCaps.error());
        assertEquals("missing field 'rtpCapabilities.codecs'", capsWithoutCodecs.error());
    }

    // --- bad input, for every GET endpoint

    @ParameterizedTest(name = "{0}")
    @MethodSource("getEndpoints")
    void postIs405(GetEndpoint endpoint) throws Exception {
        Reply reply = server.post(endpoint.pathAndQuery(), "{}");

        assertEquals(405, reply.status(), reply.body());
        assertEquals("method not allowed; supported: GET", reply.error());
        assertTrue(service.calls.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getEndpoints")
    void getKeepsTheServicesErrorStatusAndMessage(GetEndpoint endpoint) throws Exception {
        service.failWith(endpoint.serviceMethod(), ApiException.unavailable("cluster is forming"));

        Reply reply = server.get(endpoint.pathAndQuery());

        assertEquals(503, reply.status(), reply.body());
        assertEquals("cluster is forming", reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getEndpoints")
    void getOfAServiceThatNeverAnswersIs504(GetEndpoint endpoint) throws Exception {
        service.hang(endpoint.serviceMethod());

        Reply reply = server.get(endpoint.pathAndQuery());

        assertEquals(504, reply.status(), reply.body());
        assertTrue(reply.error().startsWith("the cluster did not answer"), reply.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getEndpoints")
    void getOfAFailingServiceIs500(GetEndpoint endpoint) throws Exception {
        service.failWith(endpoint.serviceMethod(), new RuntimeException("disk on fire"));

        Reply reply = server.get(endpoint.pathAndQuery());

        assertEquals(500, reply.status(), reply.body());
        assertTrue(reply.error().contains("disk on fire"), reply.error());
    }

    @Test
    void routerRtpCapabilitiesRequireARoom() throws Exception {
        Reply missing = server.get("/api/router-rtp-capabilities");
        Reply empty = server.get("/api/router-rtp-capabilities?room=");

        assertEquals(400, missing.status());
        assertEquals("missing query parameter 'room'", missing.error());
        assertEquals(400, empty.status());
        assertEquals("room must not be empty", empty.error());
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void routerRtpCapabilitiesOfAnUnknownRoomKeepTheServices404() throws Exception {
        service.failWith("routerRtpCapabilities", ApiException.notFound("no router for room 'zz'"));

        Reply reply = server.get("/api/router-rtp-capabilities?room=zz");

        assertEquals(404, reply.status());
        assertEquals("no router for room 'zz'", reply.error());
    }

    @Test
    void streamsRejectAnOverlongRoom() throws Exception {
        Reply reply = server.get("/api/streams?room=" + "r".repeat(RequestValidator.MAX_ID_LENGTH + 1));

        assertEquals(400, reply.status());
        assertEquals("room is longer than 256 characters", reply.error());
    }

    // --- unknown paths and methods

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE"})
    void unknownApiPathIs404(String method) throws Exception {
        Reply reply = server.send(method, "/api/nope", "application/json", "{}");

        assertEquals(404, reply.status(), reply.body());
        assertEquals("no such endpoint: /api/nope", reply.error());
    }

    @Test
    void unknownPathOutsideTheApiIs404Json() throws Exception {
        Reply reply = server.get("/no-such-file.js");

        assertEquals(404, reply.status(), reply.body());
        assertEquals("no such endpoint: /no-such-file.js", reply.error());
    }

    @Test
    void putOnAnEndpointIs405() throws Exception {
        Reply reply = server.send("PUT", "/api/produce", "application/json", PRODUCE_BODY);

        assertEquals(405, reply.status(), reply.body());
    }

    @Test
    void plainGetOfTheEventSocketIs400() throws Exception {
        Reply reply = server.get("/ws");

        assertEquals(400, reply.status(), reply.body());
        assertEquals("expected a WebSocket upgrade request", reply.error());
    }
}
