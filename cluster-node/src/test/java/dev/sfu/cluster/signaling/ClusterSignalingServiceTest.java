package dev.sfu.cluster.signaling;

import dev.sfu.cluster.media.MediaIds;
import dev.sfu.cluster.media.MediaLoad;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.cluster.testing.TestClient;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on a real two-member cluster: sfu1 and sfu2, each with its own service. */
class ClusterSignalingServiceTest {
    private static TestCluster cluster;
    private static ClusterSignalingService sfu1;
    private static ClusterSignalingService sfu2;
    private static final List<MediaEngine> engines = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
        sfu1 = start(cluster.member(0), "sfu1");
        sfu2 = start(cluster.member(1), "sfu2");
        awaitMemberSeen(sfu1, "sfu2");
        awaitMemberSeen(sfu2, "sfu1");
    }

    private static ClusterSignalingService start(ActorTestKit member, String nodeId) {
        MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        engines.add(engine);
        return ClusterSignalingService.start(member::spawn, member.system(), nodeId, engine, new MediaLoad(), new NoMembers());
    }

    /** Waits until {@code service} routes to {@code other}: an unknown id there is refused by that member (404). */
    private static void awaitMemberSeen(ClusterSignalingService service, String other) {
        String unknownKind = MediaIds.newId(other);
        TestProbe<Object> probe = cluster.member(0).createTestProbe();
        probe.awaitAssert(TestCluster.PATIENCE, () -> {
            ApiException e = failure(service.produce(new Requests.Produce(unknownKind, "smell", params(), null)));
            assertEquals(400, e.status(), e.getMessage());
            return null;
        });
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        engines.forEach(MediaEngine::close);
    }

    @Test
    void idsThatNameNoMemberAreUnknown() {
        ApiException malformed = failure(sfu1.closeTransport("not-one-of-ours"));
        assertEquals(404, malformed.status());
        assertEquals("unknown transport id 'not-one-of-ours'", malformed.getMessage());

        String elsewhere = MediaIds.newId("sfu9");
        ApiException unknownMember = failure(sfu1.pauseProducer(elsewhere));
        assertEquals(404, unknownMember.status());
        assertEquals("unknown producer id '" + elsewhere + "'", unknownMember.getMessage());
        assertEquals(404, failure(sfu2.resumeConsumer(MediaIds.newId("sfu9"))).status());
    }

    @Test
    void createTransportChecksDirectionAndNode() {
        ApiException direction = failure(sfu1.createTransport(new Requests.CreateTransport("r", "both", null, null)));
        assertEquals(400, direction.status());
        assertTrue(direction.getMessage().contains("'both'"), direction.getMessage());

        ApiException node = failure(sfu1.createTransport(new Requests.CreateTransport("r", "send", "sfu9", null)));
        assertEquals(404, node.status());
        assertEquals("unknown node 'sfu9'", node.getMessage());
    }

    @Test
    void aRequestAboutAnotherMembersTransportIsAnsweredByThatMember() {
        // sfu2's MediaNode checks the kind before anything else: its refusal travels back to sfu1 as a 400
        ApiException e = failure(sfu1.produce(new Requests.Produce(MediaIds.newId("sfu2"), "smell", params(), null)));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'smell'"), e.getMessage());
    }

    @Test
    void consumingAnUnknownProducerOfAnotherMemberOrOnAnUnknownTransportIs404() {
        TransportCreated recv = value(sfu2.createTransport(new Requests.CreateTransport("room-unknown", "recv", null, null)));
        String unknownProducer = MediaIds.newId("sfu1");
        ApiException unknown = failure(sfu1.consume(new Requests.Consume(recv.id(), unknownProducer, deviceCaps())));
        assertEquals(404, unknown.status());
        assertEquals("unknown producer id '" + unknownProducer + "'", unknown.getMessage());

        String transportOnSfu2 = MediaIds.newId("sfu2");
        ApiException noTransport = failure(sfu1.consume(new Requests.Consume(transportOnSfu2, unknownProducer, deviceCaps())));
        assertEquals(404, noTransport.status());
        assertEquals("unknown transport id '" + transportOnSfu2 + "'", noTransport.getMessage());
    }

    @Test
    void badRtpCapabilitiesAreABadRequest() {
        ApiException e = failure(sfu2.consume(new Requests.Consume(MediaIds.newId("sfu1"), MediaIds.newId("sfu1"),
                new RtpCapabilities(null, List.of()))));
        assertEquals(400, e.status());
        assertEquals("rtpCapabilities.codecs is missing", e.getMessage());
    }

    // ---- with real media engines (one per member, ephemeral UDP ports)

    @Test
    void produceOnOneMemberConsumeThroughAnotherMembersApiDeliversPackets() throws Exception {
        String room = "room-flow";
        RtpCapabilities caps = sfu2.routerRtpCapabilities(room).toCompletableFuture().get(30, TimeUnit.SECONDS);

        TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated recv = value(sfu2.createTransport(new Requests.CreateTransport(room, "recv", "sfu1", null)));
        assertEquals("sfu1", send.node());
        assertEquals("sfu1", recv.node()); // placed by the node hint, asked of sfu2

        try (TestClient sender = TestClient.connect(sfu1, send); TestClient receiver = TestClient.connect(sfu2, recv)) {
            ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(4242L), null)));
            ConsumerCreated consumer = value(sfu2.consume(new Requests.Consume(recv.id(), producer.id(), caps)));
            assertEquals(producer.id(), consumer.producerId());
            assertEquals("audio", consumer.kind());
            value(sfu2.resumeConsumer(consumer.id()));

            // bounded: at most 250 packets, 20 ms apart
            for (int seq = 0; seq < 250 && receiver.receivedRtp().isEmpty(); seq++) {
                sender.client().sendRtp(TestClient.rtp(111, seq, seq * 960L, 4242L));
                Thread.sleep(20);
            }
            assertFalse(receiver.receivedRtp().isEmpty(), "the consumer got no RTP");
            // what arrives is the consumer's stream: its SSRC and payload type, the sender's payload
            ByteBuffer packet = ByteBuffer.wrap(receiver.receivedRtp().get(0));
            RtpCodecParameters codec = consumer.rtpParameters().codecs().get(0);
            assertEquals(codec.payloadType(), packet.get(1) & 0x7f);
            assertEquals(consumer.rtpParameters().encodings().get(0).ssrc().longValue(), packet.getInt(8) & 0xffffffffL);
            // the payload arrives intact (the header may have grown: the consumer's MID extension is stamped on it)
            byte[] sent = TestClient.rtp(111, 0, 0, 0);
            byte[] received = receiver.receivedRtp().get(0);
            assertArrayEquals(Arrays.copyOfRange(sent, 12, sent.length),
                    Arrays.copyOfRange(received, received.length - (sent.length - 12), received.length));
        }
    }

    @Test
    void producingOnARecvTransportOrConsumingOnASendTransportIsRefused() {
        String room = "room-direction";
        TransportCreated send = value(sfu2.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated recv = value(sfu2.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        ApiException produce = failure(sfu1.produce(new Requests.Produce(recv.id(), "audio", opus(5151L), null)));
        assertEquals(400, produce.status());
        assertTrue(produce.getMessage().contains("recv transport"), produce.getMessage());

        ProducerCreated producer = value(sfu2.produce(new Requests.Produce(send.id(), "audio", opus(5152L), null)));
        ApiException consume = failure(sfu1.consume(new Requests.Consume(send.id(), producer.id(), deviceCaps())));
        assertEquals(400, consume.status());
        assertTrue(consume.getMessage().contains("send transport"), consume.getMessage());
    }

    @Test
    void streamsAndConnectionsListBothMembers() {
        String room = "room-list";
        TransportCreated onSfu1 = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated onSfu2 = value(sfu2.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        ProducerCreated p1 = value(sfu1.produce(new Requests.Produce(onSfu1.id(), "audio", opus(6161L), null)));
        ProducerCreated p2 = value(sfu2.produce(new Requests.Produce(onSfu2.id(), "audio", opus(6262L), null)));

        List<StreamInfo> streams = value(sfu1.streams(room));
        assertEquals(Map.of(p1.id(), "sfu1", p2.id(), "sfu2"),
                streams.stream().collect(Collectors.toMap(StreamInfo::producerId, StreamInfo::node)));
        assertTrue(value(sfu2.streams("another-room")).stream().noneMatch(s -> s.room().equals(room)));

        Set<String> transports = value(sfu2.connections()).stream().map(ConnectionInfo::id).collect(Collectors.toSet());
        assertTrue(transports.containsAll(Set.of(onSfu1.id(), onSfu2.id())), transports.toString());
    }

    @Test
    void closingAProducerTellsASubscriberOnTheOtherMember() throws Exception {
        String room = "room-events";
        TestProbe<SignalingEvent> events = cluster.member(1).createTestProbe();
        AutoCloseable subscription = sfu2.subscribe(room, events.getRef()::tell);
        try {
            TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
            ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(7171L), null)));
            // the subscription reaches sfu1 through the cluster a little later: pause until an event arrives
            events.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(500), () -> {
                value(sfu1.pauseProducer(producer.id()));
                assertEquals("producerPaused", skipUntil(events, "producerPaused", Duration.ofMillis(400)).type());
                return null;
            });

            value(sfu1.closeProducer(producer.id()));
            SignalingEvent closed = skipUntil(events, "producerClosed", TestCluster.PATIENCE);
            assertEquals(room, closed.room());
            assertEquals("sfu1", closed.node());
            assertEquals(producer.id(), closed.data().get("producerId"));
            assertEquals(404, failure(sfu2.pauseProducer(producer.id())).status());
        } finally {
            subscription.close();
        }
    }

    private static SignalingEvent skipUntil(TestProbe<SignalingEvent> events, String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            SignalingEvent event = events.receiveMessage(left);
            if (event.type().equals(type)) return event;
        }
    }

    static <T> T value(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** What a browser's mediasoup-client sends for one Opus track. */
    static RtpParameters opus(long ssrc) {
        return new RtpParameters("0",
                List.of(new RtpCodecParameters("audio/opus", 111, 48000, 2, Map.of("useinbandfec", 1), List.of())),
                List.of(),
                List.of(new RtpEncodingParameters(ssrc, null, null, null, null, null, null)),
                new RtcpParameters("test-cname", true, null));
    }

    // ---- helpers

    static ApiException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> stage.toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join());
        if (e.getCause() instanceof ApiException api) return api;
        throw new AssertionError("expected an ApiException, got " + e.getCause(), e.getCause());
    }

    static RtpParameters params() {
        return new RtpParameters(null, List.of(), List.of(), List.of(), null);
    }

    static RtpCapabilities deviceCaps() {
        return Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs());
    }

    /** These tests look at media, not membership: no member list, no node events. */
    static final class NoMembers implements MemberView {
        @Override
        public CompletionStage<List<NodeInfo>> nodes() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public AutoCloseable subscribe(java.util.function.Consumer<SignalingEvent> listener) {
            return () -> { };
        }
    }
}
