package dev.sfu.signaling.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.RecordingSignalingService;
import dev.sfu.signaling.TestHttpServer;
import dev.sfu.signaling.api.SignalingEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /ws} event stream through a real server and the JDK's WebSocket client. */
class SignalingEventSocketTest {
    private static TestHttpServer server;

    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new TestHttpServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void resetService() {
        server.service.reset();
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WebSocket::abort);
    }

    @Test
    void sendsHelloThenTheRoomsEventsFlattened() throws Exception {
        EventClient client = connect("/ws?room=r1", true);

        JsonNode hello = client.next();
        assertEquals("hello", hello.get("type").asText());
        assertEquals("sfu1", hello.get("node").asText());
        assertEquals("r1", hello.get("room").asText());
        assertTrue(hello.get("timestamp").asLong() > 0);
        var subscription = awaitSubscription();
        assertEquals("r1", subscription.room, "the room filter reaches the service");

        subscription.push(new SignalingEvent("newProducer", "r1", "sfu2", 123L,
                Map.of("producerId", "p1", "kind", "video")));

        JsonNode event = client.next();
        assertEquals("newProducer", event.get("type").asText());
        assertEquals("r1", event.get("room").asText());
        assertEquals("sfu2", event.get("node").asText());
        assertEquals(123L, event.get("timestamp").asLong());
        assertEquals("p1", event.get("producerId").asText());
        assertEquals("video", event.get("kind").asText());
    }

    @Test
    void withoutARoomSubscribesToEveryRoom() throws Exception {
        EventClient client = connect("/ws", true);

        JsonNode hello = client.next();
        assertFalse(hello.has("room"), hello.toString());
        var subscription = awaitSubscription();
        assertNull(subscription.room);

        subscription.push(new SignalingEvent("nodeUp", null, "sfu3", 5L, Map.of()));
        subscription.push(new SignalingEvent("log", null, "sfu1", 6L,
                Map.of("level", "WARN", "logger", "dev.sfu.X", "message", "careful")));

        JsonNode nodeUp = client.next();
        assertEquals("nodeUp", nodeUp.get("type").asText());
        assertEquals("sfu3", nodeUp.get("node").asText());
        assertFalse(nodeUp.has("room"));
        JsonNode log = client.next();
        assertEquals("log", log.get("type").asText());
        assertEquals("WARN", log.get("level").asText());
        assertEquals("dev.sfu.X", log.get("logger").asText());
        assertEquals("careful", log.get("message").asText());
    }

    @Test
    void eventsArriveInTheOrderTheyWerePushed() throws Exception {
        EventClient client = connect("/ws?room=r1", true);
        client.next();
        var subscription = awaitSubscription();

        for (int i = 0; i < 10; i++) {
            subscription.push(new SignalingEvent("producerPaused", "r1", "sfu1", i, Map.of("producerId", "p" + i)));
        }

        for (int i = 0; i < 10; i++) {
            assertEquals("p" + i, client.next().get("producerId").asText());
        }
    }

    @Test
    void closingTheSocketClosesTheSubscription() throws Exception {
        EventClient client = connect("/ws?room=r1", true);
        client.next();
        var subscription = awaitSubscription();
        assertFalse(subscription.closed.get());

        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

        await(subscription.closed::get, "subscription closed after the socket closed");
        await(() -> server.routes.eventSocketCounters().open() == 0, "no socket counted as open");
    }

    @Test
    void pingIsAnsweredWithPongAndOtherMessagesAreIgnored() throws Exception {
        EventClient client = connect("/ws?room=r1", true);
        client.next();
        awaitSubscription();

        client.socket.sendText("hello server", true).get(5, TimeUnit.SECONDS);
        client.socket.sendText("{\"type\": \"subscribe\", \"room\": \"other\"}", true).get(5, TimeUnit.SECONDS);
        client.socket.sendText("{not json", true).get(5, TimeUnit.SECONDS);
        client.socket.sendText("ping", true).get(5, TimeUnit.SECONDS);

        JsonNode pong = client.next();
        assertEquals("pong", pong.get("type").asText(), "the ignored messages produced nothing before the pong");
        assertEquals("sfu1", pong.get("node").asText());
        assertEquals(1, server.service.subscriptions.size(), "client messages do not change the subscription");
    }

    @Test
    void anIdleClientIsPingedSoTheConnectionStaysOpen() throws Exception {
        EventClient client = connect("/ws?room=r1", true);
        client.next();

        assertNotNull(client.pinged.get(10, TimeUnit.SECONDS), "the server pinged the idle client");
        assertFalse(client.closed.isDone());
    }

    @Test
    void oversizedClientMessageClosesTheSocketAndTheSubscription() throws Exception {
        EventClient client = connect("/ws?room=r1", true);
        client.next();
        var subscription = awaitSubscription();

        client.socket.sendText("x".repeat(5000), true);

        await(subscription.closed::get, "subscription closed after an oversized client message");
        assertNotNull(client.closed.get(10, TimeUnit.SECONDS), "the server closed the socket with a close frame");
        assertEquals(1L, server.routes.eventSocketCounters().snapshot().get("oversizedClientMessages"));
    }

    @Test
    void aClientThatDoesNotReadLosesEventsInsteadOfGrowingMemory() throws Exception {
        EventClient client = connect("/ws?room=r1", false); // reads the hello, then nothing
        assertEquals("hello", client.next().get("type").asText());
        var subscription = awaitSubscription();
        long droppedBefore = server.routes.eventSocketCounters().dropped();
        Map<String, Object> bulky = Map.of("producerId", "p1", "padding", "x".repeat(1024));

        // ~40 MB of events: far beyond the queue (16 events) and the socket buffers on both sides.
        for (int i = 0; i < 40_000; i++) {
            subscription.push(new SignalingEvent("producerResumed", "r1", "sfu1", i, bulky));
        }

        long dropped = server.routes.eventSocketCounters().dropped() - droppedBefore;
        assertTrue(dropped > 0, "events were dropped and counted");
        JsonNode stats = server.get("/api/stats").json();
        assertTrue(stats.get("eventSockets").get("dropped").asLong() >= dropped, stats.toString());
    }

    // --- helpers

    private EventClient connect(String pathAndQuery, boolean keepReading) throws Exception {
        EventClient client = new EventClient(keepReading);
        client.socket = server.client.newWebSocketBuilder()
                .buildAsync(server.wsUri(pathAndQuery), client).get(10, TimeUnit.SECONDS);
        sockets.add(client.socket);
        return client;
    }

    private static RecordingSignalingService.Subscription awaitSubscription() throws InterruptedException {
        await(() -> server.service.subscriptions.size() == 1, "one subscription");
        return server.service.subscriptions.get(0);
    }

    /** Waits for a condition that must become true; the limit only keeps a broken build from hanging. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Collects whole text messages; a non-reading client asks for one message (the hello) and then no more. */
    private static final class EventClient implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<Boolean> pinged = new CompletableFuture<>();
        private final boolean keepReading;
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        EventClient(boolean keepReading) {
            this.keepReading = keepReading;
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message arrived");
            }
            return message;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JsonSupport.MAPPER.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            if (keepReading || !last) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            pinged.complete(true);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
