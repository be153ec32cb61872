package dev.sfu.cluster.signaling;

import dev.sfu.cluster.media.MediaIds;
import dev.sfu.cluster.media.MediaLoad;
import dev.sfu.cluster.media.ProducerEntity;
import dev.sfu.cluster.testing.TestClient;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.sfu.cluster.signaling.ClusterSignalingServiceTest.failure;
import static dev.sfu.cluster.signaling.ClusterSignalingServiceTest.opus;
import static dev.sfu.cluster.signaling.ClusterSignalingServiceTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-member piping on a real three-member cluster with a media engine per member: a stream published on sfu1
 * is consumed on sfu2 and sfu3 through pipes between the engines' UDP ports. The pipe release grace is 1 s.
 * The last test stops sfu2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSignalingServicePipesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestCluster cluster;
    private static ClusterSignalingService sfu1;
    private static ClusterSignalingService sfu2;
    private static ClusterSignalingService sfu3;
    private static final List<MediaEngine> engines = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(3, "sfu.pipe.release-grace = 1s\nsfu.pipe.srtp = on");
        sfu1 = start(cluster.member(0), "sfu1");
        sfu2 = start(cluster.member(1), "sfu2");
        sfu3 = start(cluster.member(2), "sfu3");
        // every member routes to every other once the receptionist has spread the MediaNodes: a request about
        // an object of another member is then refused by that member itself (400 for a bad kind)
        probe().awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(300), () -> {
            for (ClusterSignalingService service : List.of(sfu1, sfu2, sfu3)) {
                for (String member : List.of("sfu1", "sfu2", "sfu3")) {
                    ApiException e = failure(service.produce(new Requests.Produce(MediaIds.newId(member), "smell",
                            ClusterSignalingServiceTest.params(), null)));
                    assertEquals(400, e.status(), e.getMessage());
                }
            }
            return null;
        });
    }

    private static ClusterSignalingService start(ActorTestKit member, String nodeId) {
        MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        engines.add(engine);
        return ClusterSignalingService.start(member::spawn, member.system(), nodeId, engine, new MediaLoad(),
                new ClusterSignalingServiceTest.NoMembers());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        engines.forEach(MediaEngine::close);
    }

    @Test
    @Order(1)
    void aStreamPublishedOnOneMemberReachesConsumersOnTheTwoOthers() throws Exception {
        String room = "pipe-flow";
        RtpCapabilities caps = value(sfu1.routerRtpCapabilities(room));
        TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated recv2 = value(sfu2.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        TransportCreated recv3 = value(sfu3.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        try (TestClient sender = TestClient.connect(sfu1, send);
             TestClient receiver2 = TestClient.connect(sfu2, recv2);
             TestClient receiver3 = TestClient.connect(sfu3, recv3)) {
            ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(1111L), null)));
            ConsumerCreated on2 = value(sfu2.consume(new Requests.Consume(recv2.id(), producer.id(), caps)));
            ConsumerCreated on3 = value(sfu1.consume(new Requests.Consume(recv3.id(), producer.id(), caps)));
            assertEquals("sfu2", on2.node());
            assertEquals("sfu3", on3.node());
            assertEquals(producer.id(), on3.producerId());
            value(sfu2.resumeConsumer(on2.id()));
            value(sfu3.resumeConsumer(on3.id()));

            sendUntil(sender, 1111L, () -> receiver2.rtpCount() > 0 && receiver3.rtpCount() > 0);
            assertTrue(receiver2.rtpCount() > 0, "no RTP reached the consumer on sfu2");
            assertTrue(receiver3.rtpCount() > 0, "no RTP reached the consumer on sfu3");
            assertIsConsumersStream(on2, receiver2.receivedRtp().get(0));
            assertIsConsumersStream(on3, receiver3.receivedRtp().get(0));

            for (ClusterSignalingService member : List.of(sfu1, sfu2, sfu3)) {
                StreamInfo stream = stream(member, room, producer.id());
                assertEquals("sfu1", stream.node());
                assertEquals(Set.of("sfu2", "sfu3"), Set.copyOf(stream.pipedTo()));
                assertEquals(2, stream.consumers());
            }
        }
    }

    @Test
    @Order(2)
    void twentySimultaneousConsumesOfARemoteStreamShareOnePipe() {
        String room = "pipe-many";
        RtpCapabilities caps = value(sfu3.routerRtpCapabilities(room));
        TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated recv = value(sfu3.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(2222L), null)));

        List<CompletableFuture<ConsumerCreated>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ClusterSignalingService via = i % 2 == 0 ? sfu3 : sfu2; // half of them asked through another member
            requests.add(via.consume(new Requests.Consume(recv.id(), producer.id(), caps)).toCompletableFuture());
        }
        Set<String> consumerIds = new HashSet<>();
        requests.forEach(request -> consumerIds.add(value(request).id()));
        assertEquals(20, consumerIds.size());

        List<Map<String, Object>> incoming = pipes(sfu3, "incoming", room);
        assertEquals(1, incoming.size(), incoming.toString());
        assertEquals(1, incoming.get(0).get("pipeProducers"));
        List<Map<String, Object>> outgoing = pipes(sfu1, "outgoing", room);
        assertEquals(1, outgoing.size(), outgoing.toString());
        assertEquals("sfu3", outgoing.get(0).get("member"));
        assertEquals(1, outgoing.get(0).get("pipeConsumers"));
        assertEquals(20, stream(sfu2, room, producer.id()).consumers());
    }

    @Test
    @Order(3)
    void pauseResumeAndCloseReachEveryCopyAndItsConsumers() throws Exception {
        String room = "pipe-close";
        TestProbe<SignalingEvent> events = cluster.member(2).createTestProbe();
        AutoCloseable subscription = sfu3.subscribe(room, events.getRef()::tell);
        try {
            RtpCapabilities caps = value(sfu1.routerRtpCapabilities(room));
            TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
            TransportCreated recv2 = value(sfu2.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
            TransportCreated recv3 = value(sfu3.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
            ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(3333L), null)));
            ConsumerCreated on2 = value(sfu2.consume(new Requests.Consume(recv2.id(), producer.id(), caps)));
            ConsumerCreated on3 = value(sfu3.consume(new Requests.Consume(recv3.id(), producer.id(), caps)));

            // the subscription reaches sfu1 through the cluster a little later: pause until its event arrives
            events.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(500), () -> {
                value(sfu1.pauseProducer(producer.id()));
                assertEquals("producerPaused", skipUntil(events, "producerPaused", Duration.ofMillis(400)).type());
                return null;
            });
            awaitCopyPaused(sfu2, room, producer.id(), true);
            awaitCopyPaused(sfu3, room, producer.id(), true);
            value(sfu1.resumeProducer(producer.id()));
            awaitCopyPaused(sfu2, room, producer.id(), false);
            awaitCopyPaused(sfu3, room, producer.id(), false);

            value(sfu1.closeProducer(producer.id()));
            Set<String> closedConsumers = new HashSet<>();
            boolean producerClosed = false;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while ((!producerClosed || closedConsumers.size() < 2) && System.nanoTime() < deadline) {
                SignalingEvent event = events.receiveMessage(WAIT);
                if (event.type().equals("producerClosed") && producer.id().equals(event.data().get("producerId"))) {
                    producerClosed = true;
                }
                if (event.type().equals("consumerClosed")) closedConsumers.add((String) event.data().get("consumerId"));
            }
            assertTrue(producerClosed, "no producerClosed event on sfu3");
            assertEquals(Set.of(on2.id(), on3.id()), closedConsumers);

            awaitTrue(() -> pipes(sfu2, "incoming", room).isEmpty() && pipes(sfu3, "incoming", room).isEmpty()
                    && pipes(sfu1, "outgoing", room).isEmpty(), "pipes of the closed producer are gone");
            assertEquals(404, failure(sfu2.resumeConsumer(on2.id())).status());
            assertEquals(404, failure(sfu3.consume(new Requests.Consume(recv3.id(), producer.id(), caps))).status());
        } finally {
            subscription.close();
        }
    }

    @Test
    @Order(4)
    void aCopyWithoutConsumersIsReleasedAfterTheGracePeriodAndPipedAgainOnDemand() {
        String room = "pipe-release";
        RtpCapabilities caps = value(sfu2.routerRtpCapabilities(room));
        TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated recv = value(sfu2.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(4444L), null)));
        ConsumerCreated first = value(sfu2.consume(new Requests.Consume(recv.id(), producer.id(), caps)));
        assertEquals(List.of("sfu2"), stream(sfu1, room, producer.id()).pipedTo());

        value(sfu2.closeConsumer(first.id()));
        awaitTrue(() -> pipes(sfu2, "incoming", room).isEmpty() && pipes(sfu1, "outgoing", room).isEmpty()
                && stream(sfu3, room, producer.id()).pipedTo().isEmpty(), "the unused copy on sfu2 is released");

        ConsumerCreated again = value(sfu2.consume(new Requests.Consume(recv.id(), producer.id(), caps)));
        assertEquals(producer.id(), again.producerId());
        assertEquals(List.of("sfu2"), stream(sfu1, room, producer.id()).pipedTo());
        assertEquals(1, pipes(sfu2, "incoming", room).size());
    }

    @Test
    @Order(5)
    void stoppingAMemberDoesNotDisturbTheConsumersOnAnother() throws Exception {
        String room = "pipe-leave";
        RtpCapabilities caps = value(sfu1.routerRtpCapabilities(room));
        TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        TransportCreated recv2 = value(sfu2.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        TransportCreated recv3 = value(sfu3.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (TestClient sender = TestClient.connect(sfu1, send); TestClient receiver3 = TestClient.connect(sfu3, recv3)) {
            // prefer a producer whose entity lives on sfu2, so that stopping sfu2 also moves the entity
            long ssrc = 5550L;
            ProducerCreated producer = null;
            for (int attempt = 0; attempt < 8 && producer == null; attempt++) {
                ProducerCreated candidate = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(++ssrc), null)));
                if (attempt == 7 || hostsEntity(cluster.member(1), candidate.id())) producer = candidate;
            }
            long producerSsrc = ssrc;
            value(sfu2.consume(new Requests.Consume(recv2.id(), producer.id(), caps)));
            ConsumerCreated on3 = value(sfu3.consume(new Requests.Consume(recv3.id(), producer.id(), caps)));
            value(sfu3.resumeConsumer(on3.id()));
            AtomicInteger seq = new AtomicInteger();
            ticker.scheduleAtFixedRate(() -> {
                int n = seq.getAndIncrement();
                sender.client().sendRtp(TestClient.rtp(111, n, n * 960L, producerSsrc));
            }, 0, 20, TimeUnit.MILLISECONDS);
            awaitTrue(() -> receiver3.rtpCount() > 0, "the consumer on sfu3 receives");
            assertEquals(Set.of("sfu2", "sfu3"), Set.copyOf(stream(sfu1, room, producer.id()).pipedTo()));

            cluster.stop(1);
            String producerId = producer.id();
            awaitTrue(() -> stream(sfu1, room, producerId).pipedTo().equals(List.of("sfu3")),
                    "sfu1 stops piping to sfu2 once it has left");
            long before = receiver3.rtpCount();
            awaitTrue(() -> receiver3.rtpCount() > before + 25, "packets keep reaching the consumer on sfu3");
            assertEquals(1, pipes(sfu3, "incoming", room).size());

            // the producer's entity (rebuilt from sfu1 if it lived on sfu2) still carries pause to the copy
            value(sfu1.pauseProducer(producerId));
            awaitCopyPaused(sfu3, room, producerId, true);
        } finally {
            ticker.shutdownNow();
        }
    }

    // ---- helpers

    private static TestProbe<Object> probe() {
        return cluster.member(0).createTestProbe();
    }

    private static void sendUntil(TestClient sender, long ssrc, BooleanSupplier done) throws InterruptedException {
        for (int seq = 0; seq < 400 && !done.getAsBoolean(); seq++) { // bounded: at most 8 s
            sender.client().sendRtp(TestClient.rtp(111, seq, seq * 960L, ssrc));
            Thread.sleep(20);
        }
    }

    private static void assertIsConsumersStream(ConsumerCreated consumer, byte[] rtp) {
        ByteBuffer packet = ByteBuffer.wrap(rtp);
        assertEquals(consumer.rtpParameters().codecs().get(0).payloadType(), packet.get(1) & 0x7f);
        assertEquals(consumer.rtpParameters().encodings().get(0).ssrc().longValue(), packet.getInt(8) & 0xffffffffL);
    }

    private static StreamInfo stream(ClusterSignalingService member, String room, String producerId) {
        List<StreamInfo> streams = value(member.streams(room)).stream()
                .filter(s -> s.producerId().equals(producerId)).toList();
        assertEquals(1, streams.size(), streams.toString());
        return streams.get(0);
    }

    /** The member's pipe transports of one direction ("incoming"/"outgoing") in {@code room}, from its stats. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pipes(ClusterSignalingService member, String direction, String room) {
        Map<String, Object> pipes = (Map<String, Object>) value(member.stats()).get("pipes");
        return ((List<Map<String, Object>>) pipes.get(direction)).stream()
                .filter(p -> room.equals(p.get("room"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static void awaitCopyPaused(ClusterSignalingService member, String room, String producerId, boolean paused) {
        awaitTrue(() -> pipes(member, "incoming", room).stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("producers")).stream())
                .anyMatch(p -> producerId.equals(p.get("id")) && Boolean.valueOf(paused).equals(p.get("paused"))),
                "the copy of " + producerId + " is " + (paused ? "paused" : "resumed"));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        probe().awaitAssert(WAIT, Duration.ofMillis(200), () -> {
            assertTrue(condition.getAsBoolean(), what);
            return null;
        });
    }

    /** Whether {@code member}'s shard region runs the producer's entity. */
    private static boolean hostsEntity(ActorTestKit member, String producerId) {
        TestProbe<ShardRegion.CurrentShardRegionState> state = member.createTestProbe();
        ClusterSharding.get(member.system()).shardState()
                .tell(new GetShardRegionState(ProducerEntity.TYPE_KEY, state.getRef()));
        return state.receiveMessage(WAIT).getShards().stream()
                .anyMatch(shard -> shard.getEntityIds().contains(producerId));
    }

    private static SignalingEvent skipUntil(TestProbe<SignalingEvent> events, String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            SignalingEvent event = events.receiveMessage(left);
            if (event.type().equals(type)) return event;
        }
    }
}
