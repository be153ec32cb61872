package dev.sfu.cluster.placement;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.sfu.cluster.SfuNode;
import dev.sfu.cluster.StartupException;
import dev.sfu.cluster.TestMembers;
import dev.sfu.cluster.media.ShardedProducerLocator;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three real members (a fourth joins later) whose announced loads the test sets: placement of publishers and
 * subscribers, round-robin among ties, draining over HTTP, capacity limits, a member added at runtime, and a
 * member downed with a stream on it. The tests run in order on the same cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportPlacementTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LIMITS = """
            sfu.limits { max-transports = 100, max-consumers = 1000, max-bitrate-out = 1000000000 }
            sfu.placement.stream-member-max-load = 50
            sfu.ask-timeout = 10s
            """;

    private final Map<String, AtomicReference<NodeLoad>> loads = new LinkedHashMap<>();
    private final Map<String, SfuNode> members = new LinkedHashMap<>();
    private String seeds;
    private TestProbe<Object> probe;

    @BeforeAll
    void startThreeMembers() throws StartupException {
        List<TestMembers.Ports> ports = List.of(TestMembers.Ports.free(), TestMembers.Ports.free(), TestMembers.Ports.free());
        seeds = ports.stream().map(TestMembers.Ports::remotingHostPort).collect(Collectors.joining(","));
        for (int i = 0; i < ports.size(); i++) startMember("sfu" + (i + 1), ports.get(i));
        probe = ActorTestKit.create(sfu("sfu1").system()).createTestProbe();
        awaitMembersUp("sfu1", Set.of("sfu1", "sfu2", "sfu3"));
    }

    @AfterAll
    void stopMembers() {
        members.values().forEach(SfuNode::close);
    }

    @Test
    @Order(1)
    void aPublisherGoesToTheLeastLoadedMember() {
        setLoads(Map.of("sfu1", consumers(30), "sfu2", consumers(5), "sfu3", consumers(12)));
        for (String asking : List.of("sfu1", "sfu3")) {
            Responses.TransportCreated created = value(sfu(asking).service().createTransport(send("room-pub")));
            assertEquals("sfu2", created.node());
            assertEquals(java.util.Optional.of("sfu2"), dev.sfu.cluster.media.MediaIds.homeNode(created.id()));
        }
    }

    @Test
    @Order(2)
    void tiesAreTakenInTurns() {
        setLoads(Map.of("sfu1", consumers(3), "sfu2", consumers(3), "sfu3", consumers(3)));
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 3; i++) placed.add(value(sfu("sfu2").service().createTransport(send("room-ties"))).node());
        assertEquals(Set.of("sfu1", "sfu2", "sfu3"), placed);
    }

    @Test
    @Order(3)
    void aSubscriberGoesToItsStreamsMemberUntilThatMemberIsOverTheThreshold() {
        setLoads(Map.of("sfu1", consumers(0), "sfu2", consumers(0), "sfu3", consumers(40)));
        SignalingService api = sfu("sfu1").service();
        Responses.TransportCreated send = value(api.createTransport(
                new Requests.CreateTransport("room-sub", "send", "sfu3", null)));
        assertEquals("sfu3", send.node());
        String producerId = value(api.produce(new Requests.Produce(send.id(), "audio", opus(3131L), null))).id();
        // the home registers the producer with its entity right after answering (as it publishes newProducer)
        probe.awaitAssert(PATIENCE, POLL, () -> {
            assertTrue(value(new ShardedProducerLocator(sfu("sfu1").system(), Duration.ofSeconds(10))
                    .locate(producerId)).isPresent());
            return null;
        });

        Requests.CreateTransport recv = new Requests.CreateTransport("room-sub", "recv", null, producerId);
        assertEquals("sfu3", value(api.createTransport(recv)).node());
        assertEquals("sfu3", value(sfu("sfu2").service().createTransport(recv)).node());

        setLoads(Map.of("sfu1", consumers(0), "sfu2", consumers(0), "sfu3", consumers(60)));
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 2; i++) placed.add(value(api.createTransport(recv)).node());
        assertEquals(Set.of("sfu1", "sfu2"), placed);
    }

    @Test
    @Order(4)
    void aDrainingMemberTakesNoNewTransports() throws Exception {
        setLoads(Map.of("sfu1", consumers(10), "sfu2", consumers(0), "sfu3", consumers(10)));
        HttpResponse<String> drained = post("sfu1", "/api/drain", "{\"node\":\"sfu2\",\"draining\":true}");
        assertEquals(200, drained.statusCode(), drained.body());
        assertEquals(Map.of("node", "sfu2", "draining", true), JsonSupport.MAPPER.readValue(drained.body(), Map.class));
        try {
            // Every member's view, not one: the requests below go through sfu3 and sfu1.
            probe.awaitAssert(PATIENCE, POLL, () -> {
                for (String viewer : List.of("sfu1", "sfu2", "sfu3")) {
                    JsonNode nodes = JsonSupport.MAPPER.readTree(get(viewer, "/api/sfu-nodes").body());
                    for (JsonNode node : nodes) {
                        assertEquals(node.get("id").asText().equals("sfu2"), node.get("draining").asBoolean(),
                                viewer + " sees " + node);
                    }
                }
                return null;
            });
            for (int i = 0; i < 3; i++) {
                assertNotEquals("sfu2", value(sfu("sfu3").service().createTransport(send("room-drain"))).node());
            }
            ApiException explicit = failure(sfu("sfu1").service().createTransport(
                    new Requests.CreateTransport("room-drain", "send", "sfu2", null)));
            assertEquals(503, explicit.status());
            assertEquals("member 'sfu2' takes no new transports: draining", explicit.getMessage());
        } finally {
            // Undrained whatever happened, so that a failure here does not cascade into the later tests.
            assertEquals(200, post("sfu3", "/api/drain", "{\"node\":\"sfu2\",\"draining\":false}").statusCode());
        }
        probe.awaitAssert(PATIENCE, POLL, () -> {
            assertEquals("sfu2", value(sfu("sfu1").service().createTransport(send("room-drain"))).node());
            return null;
        });
    }

    @Test
    @Order(5)
    void aBadDrainRequestIsAClearError() {
        HttpResponse<String> notBoolean = post("sfu1", "/api/drain", "{\"draining\":\"yes\"}");
        assertEquals(400, notBoolean.statusCode());
        assertTrue(notBoolean.body().contains("draining"), notBoolean.body());
        HttpResponse<String> unknown = post("sfu1", "/api/drain", "{\"node\":\"sfu77\",\"draining\":true}");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown node 'sfu77'"), unknown.body());
        // no node: this member; set it back at once
        HttpResponse<String> self = post("sfu3", "/api/drain", "{\"draining\":false}");
        assertEquals(200, self.statusCode());
        assertTrue(self.body().contains("\"node\":\"sfu3\""), self.body());
    }

    @Test
    @Order(6)
    void aFullMemberIsSkippedAndRefusedWhenNamed() {
        setLoads(Map.of("sfu1", consumers(10), "sfu2", new NodeLoad(100, 0, 0, 0, 0, 0.0), "sfu3", consumers(10)));
        for (int i = 0; i < 3; i++) {
            assertNotEquals("sfu2", value(sfu("sfu1").service().createTransport(send("room-full"))).node());
        }
        ApiException named = failure(sfu("sfu1").service().createTransport(
                new Requests.CreateTransport("room-full", "send", "sfu2", null)));
        assertEquals(503, named.status());
        assertEquals("member 'sfu2' takes no new transports: at max-transports (100)", named.getMessage());
    }

    @Test
    @Order(7)
    void aFullClusterAnswers503() throws Exception {
        setLoads(Map.of("sfu1", new NodeLoad(0, 0, 1000, 0, 0, 0.0), "sfu2", new NodeLoad(100, 0, 0, 0, 0, 0.0),
                "sfu3", new NodeLoad(0, 0, 0, 0, 1_000_000_000L, 0.0)));
        HttpResponse<String> full = post("sfu2", "/api/create-transport", "{\"room\":\"room-x\",\"direction\":\"send\"}");
        assertEquals(503, full.statusCode());
        assertEquals("cluster is full: sfu1 at max-consumers (1000), sfu2 at max-transports (100), "
                        + "sfu3 at max-bitrate-out (1000000000 bps)",
                JsonSupport.MAPPER.readTree(full.body()).get("error").asText());
    }

    @Test
    @Order(8)
    void clusterMembersListsEveryMemberAsPekkoSeesIt() throws Exception {
        Responses.ClusterMembers view = value(sfu("sfu2").service().clusterMembers());
        assertEquals(sfu("sfu2").endpoints().remotingAddress(), view.selfNode());
        assertEquals(3, view.members().size());
        assertTrue(view.members().stream().allMatch(m -> m.status().equals("Up") && m.roles().contains("sfu")),
                view.toString());
        assertNotNull(view.leader());
        assertNotNull(view.oldest());
        assertEquals(List.of(), view.unreachable());
        JsonNode http = JsonSupport.MAPPER.readTree(get("sfu1", "/api/cluster-members").body());
        assertEquals(sfu("sfu1").endpoints().remotingAddress(), http.get("selfNode").asText());
        assertEquals(3, http.get("members").size());
        assertFalse(http.get("members").get(0).get("nodeUid").asText().isEmpty());
    }

    @Test
    @Order(9)
    void aMemberAddedAtRuntimeTakesNewLoad() throws StartupException {
        setLoads(Map.of("sfu1", consumers(10), "sfu2", consumers(10), "sfu3", consumers(10)));
        startMember("sfu4", TestMembers.Ports.free());
        awaitMembersUp("sfu1", Set.of("sfu1", "sfu2", "sfu3", "sfu4"));
        probe.awaitAssert(PATIENCE, POLL, () -> {
            assertEquals("sfu4", value(sfu("sfu1").service().createTransport(send("room-new"))).node());
            return null;
        });
    }

    @Test
    @Order(10)
    void aDownedMembersStreamsCloseAndTheOthersKeepServing() throws Exception {
        setLoads(Map.of("sfu1", consumers(10), "sfu2", consumers(10), "sfu3", consumers(10), "sfu4", consumers(10)));
        BlockingQueue<SignalingEvent> heard = new LinkedBlockingQueue<>();
        AutoCloseable subscription = sfu("sfu1").service().subscribe(null, heard::add);
        try {
            awaitEventsFrom("sfu4", heard);
            Responses.TransportCreated send = value(sfu("sfu1").service().createTransport(
                    new Requests.CreateTransport("room-down", "send", "sfu4", null)));
            String producerId = value(sfu("sfu1").service().produce(
                    new Requests.Produce(send.id(), "audio", opus(4141L), null))).id();
            List<SignalingEvent> seen = new ArrayList<>();
            awaitEvent(heard, seen, "newProducer", producerId);
            assertTrue(streamIds("sfu2").contains(producerId));

            SfuNode sfu4 = sfu("sfu4");
            Cluster.get(sfu("sfu1").system()).manager().tell(new Down(Cluster.get(sfu4.system()).selfMember().address()));

            seen.clear();
            SignalingEvent closed = awaitEvent(heard, seen, "producerClosed", producerId);
            assertEquals("sfu4", closed.node());
            assertEquals("room-down", closed.room());
            probe.awaitAssert(PATIENCE, POLL, () -> {
                heard.drainTo(seen);
                assertTrue(seen.stream().anyMatch(e -> e.type().equals("nodeDown") && "sfu4".equals(e.node())),
                        seen.toString());
                assertFalse(streamIds("sfu1").contains(producerId));
                assertFalse(streamIds("sfu2").contains(producerId));
                return null;
            });
            awaitMembersUp("sfu1", Set.of("sfu1", "sfu2", "sfu3"));
            for (int i = 0; i < 3; i++) {
                assertNotEquals("sfu4", value(sfu("sfu2").service().createTransport(send("room-after"))).node());
            }
        } finally {
            subscription.close();
        }
    }

    // ---- helpers

    private void startMember(String id, TestMembers.Ports ports) throws StartupException {
        AtomicReference<NodeLoad> load = new AtomicReference<>(NodeLoad.EMPTY);
        loads.put(id, load);
        Config config = ConfigFactory.parseString(LIMITS).withFallback(TestMembers.config(id, ports, seeds));
        members.put(id, SfuNode.start(config, load::get));
    }

    private SfuNode sfu(String id) {
        return members.get(id);
    }

    /** Sets the announced loads and waits until every listed member sees them. */
    private void setLoads(Map<String, NodeLoad> next) {
        next.forEach((id, load) -> loads.get(id).set(load));
        for (String viewer : next.keySet()) {
            probe.awaitAssert(PATIENCE, POLL, () -> {
                Map<String, NodeLoad> seen = value(sfu(viewer).service().nodes()).stream()
                        .collect(Collectors.toMap(NodeInfo::id, NodeInfo::load));
                assertEquals(next, seen);
                return null;
            });
        }
    }

    private void awaitMembersUp(String viewer, Set<String> expected) {
        probe.awaitAssert(PATIENCE, POLL, () -> {
            Set<String> up = value(sfu(viewer).service().nodes()).stream()
                    .filter(node -> node.status().equals("Up")).map(NodeInfo::id).collect(Collectors.toSet());
            assertEquals(expected, up);
            return null;
        });
    }

    private Set<String> streamIds(String viewer) {
        return value(sfu(viewer).service().streams(null)).stream()
                .map(Responses.StreamInfo::producerId).collect(Collectors.toSet());
    }

    /**
     * Waits until events published on a member that joined late reach this subscription: the event topic learns of
     * the other members' subscribers through the Receptionist's gossip, a moment after the member is Up.
     */
    private void awaitEventsFrom(String member, BlockingQueue<SignalingEvent> heard) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Responses.TransportCreated probeTransport = value(sfu("sfu1").service().createTransport(
                    new Requests.CreateTransport("room-events", "send", member, null)));
            value(sfu("sfu1").service().closeTransport(probeTransport.id()));
            SignalingEvent event;
            while ((event = heard.poll(1, TimeUnit.SECONDS)) != null) {
                if (event.type().equals("transportClosed") && member.equals(event.node())) {
                    heard.clear();
                    return;
                }
            }
        }
        throw new AssertionError("no event from " + member + " reached the subscriber");
    }

    /** Waits for the event, keeping every event heard meanwhile in {@code seen}. */
    private static SignalingEvent awaitEvent(BlockingQueue<SignalingEvent> heard, List<SignalingEvent> seen,
                                             String type, String producerId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            SignalingEvent event = heard.poll(500, TimeUnit.MILLISECONDS);
            if (event != null) seen.add(event);
            if (event != null && event.type().equals(type) && event.data() != null
                    && producerId.equals(event.data().get("producerId"))) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " for " + producerId);
    }

    private static NodeLoad consumers(int count) {
        return new NodeLoad(0, 0, count, 0, 0, 0.0);
    }

    private static Requests.CreateTransport send(String room) {
        return new Requests.CreateTransport(room, "send", null, null);
    }

    private HttpResponse<String> post(String member, String path, String json) {
        return http(HttpRequest.newBuilder(URI.create(sfu(member).endpoints().httpUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String member, String path) {
        return http(HttpRequest.newBuilder(URI.create(sfu(member).endpoints().httpUrl() + path)).GET());
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T value(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private static ApiException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> stage.toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join());
        if (e.getCause() instanceof ApiException api) return api;
        throw new AssertionError("expected an ApiException, got " + e.getCause(), e.getCause());
    }

    /** What a browser's mediasoup-client sends for one Opus track. */
    private static RtpParameters opus(long ssrc) {
        return new RtpParameters("0",
                List.of(new RtpCodecParameters("audio/opus", 111, 48000, 2, Map.of("useinbandfec", 1), List.of())),
                List.of(),
                List.of(new RtpEncodingParameters(ssrc, null, null, null, null, null, null)),
                new RtcpParameters("test-cname", true, null));
    }
}
