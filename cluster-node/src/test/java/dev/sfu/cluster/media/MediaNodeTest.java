package dev.sfu.cluster.media;

import dev.sfu.cluster.signaling.EventSubscriber;
import dev.sfu.cluster.signaling.SfuEventTopic;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.signaling.JsonSupport;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One member's MediaNode on a real engine: its replies, the producer entity it keeps, the events it publishes. */
class MediaNodeTest {
    private static TestCluster cluster;
    private static MediaEngine engine;
    private static ActorRef<MediaNode.Command> mediaNode;
    private static ActorRef<Topic.Command<SfuEventTopic.Published>> topic;
    private static ShardedProducerLocator locator;
    private static final MediaLoad LOAD = new MediaLoad();

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(1);
        ActorTestKit member = cluster.member(0);
        engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        ProducerEntity.init(member.system());
        locator = new ShardedProducerLocator(member.system(), TestCluster.PATIENCE);
        topic = member.spawn(SfuEventTopic.create());
        mediaNode = member.spawn(MediaNode.create("sfu1", engine, topic, LOAD, TestPipes.settings(engine)), MediaNode.actorName("sfu1"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
        engine.close();
    }

    @Test
    void closingATransportClosesItsProducerAndTheConsumersOfItWithOneEventEach() {
        String room = "room-close";
        TestProbe<SignalingEvent> events = subscribe(room);
        String send = createTransport(room, "send").transport().id();
        String recv = createTransport(room, "recv").transport().id();

        TestProbe<MediaNode.ProducerReply> produced = probe();
        mediaNode.tell(new MediaNode.Produce(send, "audio", opus(8181L), produced.getRef()));
        MediaNode.ProducerReply producer = produced.receiveMessage(TestCluster.PATIENCE);
        assertNull(producer.refusal());
        String producerId = producer.producer().id();
        assertEquals(Optional.of("sfu1"), MediaIds.homeNode(producerId));
        assertEquals("newProducer", nextEvent(events).type());

        ProducerRecord registered = locator.locate(producerId).toCompletableFuture().join().orElseThrow();
        assertEquals(new ProducerRecord(producerId, "sfu1", room, "audio", registered.consumableRtpParameters(),
                false, List.of()), registered);
        assertFalse(registered.consumableRtpParameters().codecs().isEmpty());

        TestProbe<MediaNode.ConsumerReply> consumed = probe();
        mediaNode.tell(new MediaNode.Consume(recv, producerId, deviceCaps(), consumed.getRef()));
        MediaNode.ConsumerReply consumer = consumed.receiveMessage(TestCluster.PATIENCE);
        assertNull(consumer.refusal());

        TestProbe<MediaNode.Ack> acks = probe();
        mediaNode.tell(new MediaNode.CloseTransport(send, acks.getRef()));
        assertNull(acks.receiveMessage(TestCluster.PATIENCE).refusal());

        Map<String, SignalingEvent> byType = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            SignalingEvent event = nextEvent(events);
            assertEquals(null, byType.put(event.type(), event), "twice: " + event);
        }
        assertEquals(producerId, byType.get("producerClosed").data().get("producerId"));
        assertEquals(consumer.consumer().id(), byType.get("consumerClosed").data().get("consumerId"));
        assertEquals(send, byType.get("transportClosed").data().get("transportId"));
        events.expectNoMessage(Duration.ofMillis(300));

        TestProbe<Object> waiting = probe();
        waiting.awaitAssert(TestCluster.PATIENCE, () -> {
            assertEquals(Optional.empty(), locator.locate(producerId).toCompletableFuture().join());
            return null;
        });
        mediaNode.tell(new MediaNode.CloseTransport(send, acks.getRef()));
        assertEquals(404, acks.receiveMessage(TestCluster.PATIENCE).refusal().status());
    }

    @Test
    void pausingAProducerIsRecordedAndPublished() {
        String room = "room-pause";
        TestProbe<SignalingEvent> events = subscribe(room);
        String send = createTransport(room, "send").transport().id();
        TestProbe<MediaNode.ProducerReply> produced = probe();
        mediaNode.tell(new MediaNode.Produce(send, "audio", opus(9191L), produced.getRef()));
        String producerId = produced.receiveMessage(TestCluster.PATIENCE).producer().id();
        assertEquals("newProducer", nextEvent(events).type());

        TestProbe<MediaNode.Ack> acks = probe();
        mediaNode.tell(new MediaNode.ActOnProducer(producerId, MediaNode.Action.PAUSE, acks.getRef()));
        assertNull(acks.receiveMessage(TestCluster.PATIENCE).refusal());
        assertEquals("producerPaused", nextEvent(events).type());
        waitingFor(() -> locator.locate(producerId).toCompletableFuture().join().orElseThrow().paused());

        TestProbe<MediaNode.StreamsReply> streams = probe();
        mediaNode.tell(new MediaNode.ListStreams(room, streams.getRef()));
        var listed = streams.receiveMessage(TestCluster.PATIENCE).streams();
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).paused());
        assertEquals(0, listed.get(0).consumers());
    }

    @Test
    void statsNameThisMemberAndItsTransportsAsJson() throws Exception {
        String transportId = createTransport("room-stats", "recv").transport().id();
        String send = createTransport("room-stats", "send").transport().id();
        TestProbe<MediaNode.ProducerReply> produced = probe();
        mediaNode.tell(new MediaNode.Produce(send, "audio", opus(9494L), produced.getRef()));
        String producerId = produced.receiveMessage(TestCluster.PATIENCE).producer().id();
        TestProbe<MediaNode.ConsumerReply> consumed = probe();
        mediaNode.tell(new MediaNode.Consume(transportId, producerId, deviceCaps(), consumed.getRef()));
        String consumerId = consumed.receiveMessage(TestCluster.PATIENCE).consumer().id();
        TestProbe<MediaNode.StatsReply> stats = probe();
        mediaNode.tell(new MediaNode.GetStats(stats.getRef()));
        Map<String, Object> tree = stats.receiveMessage(TestCluster.PATIENCE).stats();
        assertEquals("sfu1", tree.get("node"));
        // the HTTP layer writes it with its own mapper: every stats object in the tree must be JSON-ready
        String json = JsonSupport.MAPPER.writeValueAsString(tree);
        assertTrue(json.contains(transportId), json);
        assertTrue(json.contains("\"engine\""), json);
        assertTrue(json.contains(producerId) && json.contains(consumerId), json);
    }

    @Test
    void theLoadCountsThisMembersMediaObjects() {
        String transportId = createTransport("room-load", "send").transport().id();
        TestProbe<MediaNode.ProducerReply> produced = probe();
        mediaNode.tell(new MediaNode.Produce(transportId, "audio", opus(9393L), produced.getRef()));
        assertNull(produced.receiveMessage(TestCluster.PATIENCE).refusal());
        // other tests of this class add transports too: at least this one and its producer are counted
        waitingFor(() -> LOAD.currentLoad().transports() >= 1 && LOAD.currentLoad().producers() >= 1);
        assertTrue(LOAD.currentLoad().cpu() >= 0);
    }

    // ---- helpers

    private static <T> TestProbe<T> probe() {
        return cluster.member(0).createTestProbe();
    }

    private static MediaNode.TransportReply createTransport(String room, String direction) {
        TestProbe<MediaNode.TransportReply> created = probe();
        mediaNode.tell(new MediaNode.CreateTransport(room, direction, created.getRef()));
        MediaNode.TransportReply reply = created.receiveMessage(TestCluster.PATIENCE);
        assertNull(reply.refusal());
        return reply;
    }

    private static TestProbe<SignalingEvent> subscribe(String room) {
        TestProbe<SignalingEvent> events = probe();
        cluster.member(0).spawn(EventSubscriber.create(topic, room, events.getRef()::tell));
        // local subscription: the topic knows the subscriber once it has processed the subscribe
        TestProbe<Topic.TopicStats> stats = probe();
        stats.awaitAssert(TestCluster.PATIENCE, () -> {
            topic.tell(Topic.getTopicStats(stats.getRef()));
            assertTrue(stats.receiveMessage().localSubscriberCount() > 0);
            return null;
        });
        return events;
    }

    private static SignalingEvent nextEvent(TestProbe<SignalingEvent> events) {
        return events.receiveMessage(TestCluster.PATIENCE);
    }

    private static void waitingFor(java.util.function.BooleanSupplier condition) {
        TestProbe<Object> waiting = probe();
        waiting.awaitAssert(TestCluster.PATIENCE, () -> {
            assertTrue(condition.getAsBoolean());
            return null;
        });
    }

    private static RtpParameters opus(long ssrc) {
        return new RtpParameters("0",
                List.of(new RtpCodecParameters("audio/opus", 111, 48000, 2, Map.of(), List.of())),
                List.of(), List.of(new RtpEncodingParameters(ssrc, null, null, null, null, null, null)),
                new RtcpParameters("cname", true, null));
    }

    private static RtpCapabilities deviceCaps() {
        return Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs());
    }
}
