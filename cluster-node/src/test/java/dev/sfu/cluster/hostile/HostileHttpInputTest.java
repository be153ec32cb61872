package dev.sfu.cluster.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.sfu.cluster.SfuNode;
import dev.sfu.cluster.StartupException;
import dev.sfu.cluster.TestMembers;
import dev.sfu.cluster.registry.CpuOnlyLoadSource;
import dev.sfu.cluster.testing.TestClient;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.Responses.TransportCreated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile input against one real member over real sockets: seeded fuzzing of every endpoint's body, garbage
 * instead of HTTP, floods, oversized WebSocket messages and slow clients. Every answer must be a 4xx (or a 2xx
 * for valid-but-odd input) carrying JSON, never a 5xx; afterwards the member still serves a publish and a consume
 * with media flowing. The seed is {@code -Dsfu.fuzz.seed} (default fixed), printed with every failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileHttpInputTest {
    private static final long SEED = Long.getLong("sfu.fuzz.seed", 20261205L);
    private static final int MUTATIONS = Integer.getInteger("sfu.fuzz.mutations", 700);
    private static final String ROOM = "hostile";
    private static final String OPUS = """
            {"mid": "0", "codecs": [{"mimeType": "audio/opus", "payloadType": 111, "clockRate": 48000, "channels": 2,
             "parameters": {"useinbandfec": 1}, "rtcpFeedback": []}], "headerExtensions": [],
             "encodings": [{"ssrc": %d}], "rtcp": {"cname": "hostile", "reducedSize": true}}""";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SfuNode node;
    private RawHttp raw;
    private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @BeforeAll
    void startMember() throws StartupException, IOException, InterruptedException {
        TestMembers.Ports ports = TestMembers.Ports.free();
        node = SfuNode.start(ConfigFactory.parseString("""
                        sfu.http.body-read-timeout = 2s
                        pekko.http.server.idle-timeout = 4s
                        sfu.ask-timeout = 10s
                        """).withFallback(TestMembers.config("hostile", ports, ports.remotingHostPort())),
                new CpuOnlyLoadSource());
        raw = new RawHttp(TestMembers.HOST, ports.http());
        // placement needs the member in its own node list before it takes transports
        for (int i = 0; i < 200 && !get("/api/sfu-nodes").body().contains("\"status\":\"Up\""); i++) Thread.sleep(100);
    }

    @AfterAll
    void stopMember() {
        System.out.println("hostile input: answers by status " + new TreeMap<>(statuses) + " (seed " + SEED + ")");
        node.close();
    }

    @Test
    @Order(1)
    void fuzzedBodiesOfEveryEndpointGetA4xxOr2xxWithJsonNeverA5xx() throws Exception {
        Map<String, JsonNode> valid = validBodies();
        List<String> paths = new ArrayList<>(valid.keySet());
        BodyFuzzer fuzzer = new BodyFuzzer(SEED);
        Random pick = new Random(SEED);
        for (int i = 0; i < MUTATIONS; i++) {
            String path = paths.get(pick.nextInt(paths.size()));
            BodyFuzzer.Mutation mutation = fuzzer.mutate(valid.get(path));
            RawHttp.Answer answer = raw.request("POST", path, mutation.contentType(), mutation.body());
            assertAnswered(answer, "#" + i + " POST " + path + " with " + mutation.description());
        }
        // the query-string endpoints, with hostile room names
        for (int i = 0; i < 100; i++) {
            String room = hostileQueryValue(pick);
            for (String path : List.of("/api/router-rtp-capabilities?room=", "/api/streams?room=", "/ws?room=")) {
                RawHttp.Answer answer = raw.request("GET", path + room, null, null);
                assertAnswered(answer, "GET " + path + room);
            }
        }
        // oversized bodies, declared and chunked
        assertAnswered(raw.request("POST", "/api/produce", "application/json", new byte[300 * 1024]), "300 KiB body");
        assertEquals(413, raw.request("POST", "/api/produce", "application/json", new byte[300 * 1024]).status());
        postJson("/api/drain", "{\"draining\": false}"); // in case a mutation turned draining on
    }

    @Test
    @Order(2)
    void garbageInsteadOfHttpIsAnsweredWithAJsonErrorOrTheConnectionClosed() throws Exception {
        Random random = new Random(SEED + 1);
        List<byte[]> garbage = new ArrayList<>(List.of(
                "GET /api/streams HTTP/9.9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                ("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                ("GET /api/streams HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100_000) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                "POST /api/produce HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "POST /api/produce HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n12345".getBytes(StandardCharsets.ISO_8859_1),
                "POST /api/produce HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        for (int i = 0; i < 40; i++) {
            byte[] bytes = new byte[1 + random.nextInt(2000)];
            random.nextBytes(bytes);
            garbage.add(bytes);
        }
        for (int i = 0; i < garbage.size(); i++) {
            RawHttp.Answer answer = raw.send(garbage.get(i));
            if (answer.status() == -1) {
                statuses.computeIfAbsent("closed", k -> new AtomicInteger()).incrementAndGet();
                continue;
            }
            assertAnswered(answer, "garbage #" + i);
        }
    }

    @Test
    @Order(3)
    void aFloodOfRequestsIsAnswered429NotWithErrors() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                boolean create = i % 4 == 0;
                answers.add(pool.submit(() -> create
                        ? postJson("/api/create-transport", "{\"room\": \"flood\", \"direction\": \"recv\"}").statusCode()
                        : get("/api/streams?room=flood").statusCode()));
            }
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> answer : answers) counts.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            System.out.println("flood of 2000 requests from 16 threads: " + counts);
            assertTrue(counts.keySet().stream().allMatch(s -> s == 200 || s == 429), counts.toString());
            assertTrue(counts.getOrDefault(429, 0) > 0, "the flood was not limited: " + counts);
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(3000); // let the address's bucket refill
    }

    @Test
    @Order(4)
    void oversizedWebSocketMessagesCloseOnlyThatSocket() throws Exception {
        for (int size : List.of(5 * 1024, 64 * 1024, 1024 * 1024)) {
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://" + TestMembers.HOST + ":"
                    + node.settings().httpPort() + "/ws?room=" + ROOM), new WebSocket.Listener() {
                @Override
                public CompletableFuture<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                }

                @Override
                public void onError(WebSocket webSocket, Throwable error) {
                    closed.complete(-1);
                }
            }).get(10, TimeUnit.SECONDS);
            if (size > 100_000) socket.sendBinary(ByteBuffer.wrap(new byte[size]), true);
            else socket.sendText("x".repeat(size), true);
            int status = closed.get(15, TimeUnit.SECONDS);
            System.out.println("a " + size + "-byte WebSocket message closed the socket with " + status);
            socket.abort();
        }
        assertEquals(200, get("/api/streams?room=" + ROOM).statusCode());
    }

    @Test
    @Order(5)
    void aClientTricklingABodyIsAnswered408AndCannotHoldTheRequest() throws Exception {
        try (Socket socket = new Socket(TestMembers.HOST, node.settings().httpPort())) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/create-transport HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            byte[] answer = null;
            for (int i = 0; i < 100 && answer == null; i++) { // one byte per 200 ms: the body would take 40 s
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closedByServer) {
                    // fine: read the answer
                }
                answer = readSome(socket.getInputStream());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("a trickled body was answered after " + millis + " ms");
            assertTrue(answer != null, "the server was still reading the trickled body after 20 s");
            RawHttp.Answer parsed = RawHttp.parse(answer);
            assertEquals(408, parsed.status(), parsed.body());
            assertTrue(millis < 15_000, "answered only after " + millis + " ms");
        }
    }

    @Test
    @Order(6)
    void aSilentConnectionIsClosedByTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket(TestMembers.HOST, node.settings().httpPort())) {
            socket.setSoTimeout(20_000);
            long start = System.nanoTime();
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (IOException reset) {
                read = -1;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("a silent connection was closed after " + millis + " ms");
            assertEquals(-1, read);
            assertTrue(millis < 15_000, "closed only after " + millis + " ms");
        }
    }

    @Test
    @Order(7)
    void afterwardsTheMemberStillServesAPublishAndAConsumeWithMediaFlowing() throws Exception {
        // The fuzzing and the flood filled this address's transport quota; closing their rooms frees it.
        for (String used : List.of(ROOM, "flood")) {
            assertEquals(200, postJson("/api/close-room", "{\"room\": \"" + used + "\"}").statusCode());
        }
        awaitQuotaFreed();
        String room = "after-hostile";
        JsonNode caps = json(get("/api/router-rtp-capabilities?room=" + room));
        TransportCreated send = JsonSupport.MAPPER.treeToValue(json(postJson("/api/create-transport",
                "{\"room\": \"" + room + "\", \"direction\": \"send\"}")), TransportCreated.class);
        TransportCreated recv = JsonSupport.MAPPER.treeToValue(json(postJson("/api/create-transport",
                "{\"room\": \"" + room + "\", \"direction\": \"recv\"}")), TransportCreated.class);
        try (TestClient sender = TestClient.connect(send, dtls -> connect(send.id(), dtls));
             TestClient receiver = TestClient.connect(recv, dtls -> connect(recv.id(), dtls))) {
            String producerId = json(postJson("/api/produce", "{\"transportId\": \"" + send.id()
                    + "\", \"kind\": \"audio\", \"rtpParameters\": " + OPUS.formatted(7777) + "}")).get("id").asText();
            String consumerId = json(postJson("/api/consume", "{\"transportId\": \"" + recv.id() + "\", \"producerId\": \""
                    + producerId + "\", \"rtpCapabilities\": " + caps + "}")).get("id").asText();
            json(postJson("/api/resume-consumer", "{\"consumerId\": \"" + consumerId + "\"}"));
            for (int seq = 0; seq < 400 && receiver.rtpCount() == 0; seq++) {
                sender.client().sendRtp(TestClient.rtp(111, seq, seq * 960L, 7777));
                Thread.sleep(20);
            }
            assertTrue(receiver.rtpCount() > 0, "no RTP reached the consumer after the hostile input");
        }
    }

    // ---- helpers

    /** The closings reach the quotas as events through the cluster's topic, a moment after the close. */
    private void awaitQuotaFreed() throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> probe = postJson("/api/create-transport", "{\"room\": \"quota-probe\", \"direction\": \"recv\"}");
            if (probe.statusCode() == 200) {
                json(postJson("/api/close-transport", "{\"transportId\": \"" + json(probe).get("id").asText() + "\"}"));
                return;
            }
            assertEquals(429, probe.statusCode(), probe.body());
            Thread.sleep(200);
        }
        fail("closing the rooms did not free the address's transport quota");
    }

    /** The valid body of every POST endpoint, naming real objects of the member. */
    private Map<String, JsonNode> validBodies() throws Exception {
        JsonNode caps = json(get("/api/router-rtp-capabilities?room=" + ROOM));
        String send = json(postJson("/api/create-transport", "{\"room\": \"" + ROOM + "\", \"direction\": \"send\"}")).get("id").asText();
        String recv = json(postJson("/api/create-transport", "{\"room\": \"" + ROOM + "\", \"direction\": \"recv\"}")).get("id").asText();
        String producer = json(postJson("/api/produce", "{\"transportId\": \"" + send + "\", \"kind\": \"audio\", \"rtpParameters\": "
                + OPUS.formatted(1234) + "}")).get("id").asText();
        String consumer = json(postJson("/api/consume", "{\"transportId\": \"" + recv + "\", \"producerId\": \"" + producer
                + "\", \"rtpCapabilities\": " + caps + "}")).get("id").asText();
        Map<String, String> bodies = new TreeMap<>();
        bodies.put("/api/create-transport", "{\"room\": \"" + ROOM + "\", \"direction\": \"recv\", \"node\": null}");
        bodies.put("/api/connect-transport", "{\"transportId\": \"" + recv + "\", \"dtlsParameters\": {\"role\": \"client\","
                + " \"fingerprints\": [{\"algorithm\": \"sha-256\", \"value\": \"AB:CD:EF\"}]}}");
        bodies.put("/api/produce", "{\"transportId\": \"" + send + "\", \"kind\": \"audio\", \"rtpParameters\": "
                + OPUS.formatted(4321) + ", \"appData\": {\"source\": \"mic\"}}");
        bodies.put("/api/consume", "{\"transportId\": \"" + recv + "\", \"producerId\": \"" + producer
                + "\", \"rtpCapabilities\": " + caps + "}");
        for (String action : List.of("resume", "pause", "close")) {
            bodies.put("/api/" + action + "-consumer", "{\"consumerId\": \"" + consumer + "\"}");
            bodies.put("/api/" + action + "-producer", "{\"producerId\": \"" + producer + "\"}");
        }
        bodies.put("/api/close-transport", "{\"transportId\": \"" + send + "\"}");
        bodies.put("/api/drain", "{\"draining\": false, \"node\": \"hostile\"}");
        bodies.put("/api/rooms", "{\"room\": \"fuzzed-room\"}");
        bodies.put("/api/close-room", "{\"room\": \"fuzzed-room\"}");
        Map<String, JsonNode> parsed = new TreeMap<>();
        for (Map.Entry<String, String> e : bodies.entrySet()) parsed.put(e.getKey(), JsonSupport.MAPPER.readTree(e.getValue()));
        return parsed;
    }

    private void assertAnswered(RawHttp.Answer answer, String what) {
        statuses.computeIfAbsent(Integer.toString(answer.status()), k -> new AtomicInteger()).incrementAndGet();
        String context = what + " (seed " + SEED + ") -> " + answer.status() + " " + abbreviate(answer.body());
        if (answer.status() < 200 || answer.status() >= 500 || (answer.status() >= 300 && answer.status() < 400)) {
            fail("expected a 4xx or 2xx: " + context);
        }
        JsonNode body;
        try {
            body = JsonSupport.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + context, e);
        }
        if (answer.status() >= 400 && !(body != null && body.path("error").isTextual())) {
            fail("a 4xx without {\"error\": ...}: " + context);
        }
    }

    private static String hostileQueryValue(Random random) {
        String[] values = {"%00", "%ff%fe", "x".repeat(5000), "%", "%zz", "a%20b", "*", "", "..%2f..%2fetc", "\u00e9",
                "%C3%28", "%F0%9F%92%A9", "a&room=b", "{}"};
        String value = values[random.nextInt(values.length)];
        StringBuilder safe = new StringBuilder();
        for (char c : value.toCharArray()) safe.append(c < 128 ? String.valueOf(c) : "%C3%A9");
        return safe.toString();
    }

    private void connect(String transportId, dev.sfu.media.transport.DtlsParameters dtls) {
        try {
            json(postJson("/api/connect-transport", "{\"transportId\": \"" + transportId + "\", \"dtlsParameters\": "
                    + JsonSupport.MAPPER.writeValueAsString(dtls) + "}"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> postJson(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + TestMembers.HOST + ":" + node.settings().httpPort() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
        return JsonSupport.MAPPER.readTree(response.body());
    }

    /** What the server sent so far, or null when nothing arrived within the socket's timeout. */
    private static byte[] readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            int n = in.read(buffer);
            if (n <= 0) return n == -1 ? new byte[0] : null;
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            all.write(buffer, 0, n);
            return all.toByteArray();
        } catch (java.net.SocketTimeoutException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
