package dev.sfu.cluster.signaling;

import dev.sfu.cluster.media.MediaIds;
import dev.sfu.cluster.media.MediaLoad;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.RoomClosed;
import dev.sfu.signaling.api.Responses.RoomCreated;
import dev.sfu.signaling.api.Responses.RoomInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.sfu.cluster.signaling.ClusterSignalingServiceTest.failure;
import static dev.sfu.cluster.signaling.ClusterSignalingServiceTest.opus;
import static dev.sfu.cluster.signaling.ClusterSignalingServiceTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room management on a real three-member cluster with a media engine per member: rooms are listed with their
 * counts across the cluster, created explicitly, and closed from one member, which closes the room's transports,
 * producers and consumers on every member (pipes included) and leaves other rooms alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomManagementTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestCluster cluster;
    private static final List<ClusterSignalingService> members = new ArrayList<>();
    private static final List<MediaEngine> engines = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(3, "sfu.pipe.release-grace = 30s");
        for (int i = 0; i < 3; i++) members.add(start(cluster.member(i), "sfu" + (i + 1)));
        // every member reaches every other member's MediaNode before the tests start
        probe().awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(300), () -> {
            for (ClusterSignalingService service : members) {
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
    void aRoomClosedFromOneMemberIsGoneOnEveryMemberAndOtherRoomsAreUntouched() throws Exception {
        ClusterSignalingService sfu1 = members.get(0);
        ClusterSignalingService sfu2 = members.get(1);
        ClusterSignalingService sfu3 = members.get(2);
        String doomed = "room-doomed";
        String kept = "room-kept";

        // doomed: a publisher on sfu1, viewers on sfu2 and sfu3 (each through a pipe from sfu1)
        RtpCapabilities caps = value(sfu1.routerRtpCapabilities(doomed));
        TransportCreated send = value(sfu1.createTransport(new Requests.CreateTransport(doomed, "send", null, null)));
        TransportCreated recv2 = value(sfu2.createTransport(new Requests.CreateTransport(doomed, "recv", null, null)));
        TransportCreated recv3 = value(sfu3.createTransport(new Requests.CreateTransport(doomed, "recv", null, null)));
        ProducerCreated producer = value(sfu1.produce(new Requests.Produce(send.id(), "audio", opus(4444L), null)));
        ConsumerCreated on2 = value(sfu2.consume(new Requests.Consume(recv2.id(), producer.id(), caps)));
        ConsumerCreated on3 = value(sfu3.consume(new Requests.Consume(recv3.id(), producer.id(), caps)));
        // kept: a publisher on sfu2 and a viewer on sfu3
        TransportCreated keptSend = value(sfu2.createTransport(new Requests.CreateTransport(kept, "send", null, null)));
        TransportCreated keptRecv = value(sfu3.createTransport(new Requests.CreateTransport(kept, "recv", null, null)));
        ProducerCreated keptProducer = value(sfu2.produce(new Requests.Produce(keptSend.id(), "audio", opus(5555L), null)));
        ConsumerCreated keptConsumer = value(sfu3.consume(new Requests.Consume(keptRecv.id(), keptProducer.id(), caps)));

        for (ClusterSignalingService viewer : members) {
            assertEquals(new RoomInfo(doomed, 3, 1, 2, List.of("sfu1", "sfu2", "sfu3"), false), room(viewer, doomed).orElseThrow());
            assertEquals(new RoomInfo(kept, 2, 1, 1, List.of("sfu2", "sfu3"), false), room(viewer, kept).orElseThrow());
        }

        TestProbe<SignalingEvent> events = cluster.member(0).createTestProbe();
        AutoCloseable subscription = sfu1.subscribe(doomed, events.getRef()::tell);
        try {
            awaitSubscriptionReachesEveryMember(events, doomed);
            RoomClosed closed = value(sfu2.closeRoom(doomed));
            assertEquals(new RoomClosed(doomed, 3, 1, 2, List.of("sfu1", "sfu2", "sfu3")), closed);

            // sfu1's subscriber hears every object of the room close, then roomClosed
            Set<String> closedIds = new HashSet<>();
            SignalingEvent roomClosed = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            Set<String> expected = Set.of(send.id(), recv2.id(), recv3.id(), producer.id(), on2.id(), on3.id());
            while ((roomClosed == null || !closedIds.containsAll(expected)) && System.nanoTime() < deadline) {
                SignalingEvent event = events.receiveMessage(WAIT);
                assertEquals(doomed, event.room(), "an event of another room reached the subscriber: " + event);
                switch (event.type()) {
                    case "transportClosed" -> closedIds.add((String) event.data().get("transportId"));
                    case "producerClosed" -> closedIds.add((String) event.data().get("producerId"));
                    case "consumerClosed" -> closedIds.add((String) event.data().get("consumerId"));
                    case "roomClosed" -> roomClosed = event;
                    default -> {
                    }
                }
            }
            assertTrue(closedIds.containsAll(expected), "closed: " + closedIds + ", expected " + expected);
            assertTrue(roomClosed != null, "no roomClosed event");
            assertEquals("sfu2", roomClosed.node());
            assertEquals(3, roomClosed.data().get("transports"));
        } finally {
            subscription.close();
        }

        for (ClusterSignalingService viewer : members) {
            assertEquals(Optional.empty(), room(viewer, doomed), "the closed room is still listed");
            assertEquals(new RoomInfo(kept, 2, 1, 1, List.of("sfu2", "sfu3"), false), room(viewer, kept).orElseThrow());
            List<ConnectionInfo> connections = value(viewer.connections());
            assertTrue(connections.stream().noneMatch(c -> c.room().equals(doomed)), connections.toString());
            assertEquals(List.of(keptProducer.id()),
                    value(viewer.streams(null)).stream().map(s -> s.producerId()).toList());
        }
        // the objects are gone for every request that names them, the kept room's are not
        assertEquals(404, failure(sfu3.resumeConsumer(on3.id())).status());
        assertEquals(404, failure(sfu1.closeProducer(producer.id())).status());
        value(sfu1.resumeConsumer(keptConsumer.id()));
        // closing it again: no member holds it
        assertEquals(404, failure(sfu3.closeRoom(doomed)).status());
    }

    @Test
    @Order(2)
    void aRoomCreatedExplicitlyIsListedWhileEmptyUntilClosed() {
        ClusterSignalingService sfu1 = members.get(0);
        ClusterSignalingService sfu3 = members.get(2);
        String room = "room-created";

        assertEquals(new RoomCreated(room, "sfu3", true), value(sfu3.createRoom(room)));
        assertEquals(new RoomCreated(room, "sfu3", false), value(sfu3.createRoom(room)));
        assertEquals(new RoomInfo(room, 0, 0, 0, List.of("sfu3"), true), room(sfu1, room).orElseThrow());

        // a transport that comes and goes leaves the created room in place
        TransportCreated t = value(sfu3.createTransport(new Requests.CreateTransport(room, "recv", null, null)));
        assertEquals(new RoomInfo(room, 1, 0, 0, List.of("sfu3"), true), room(sfu1, room).orElseThrow());
        value(sfu1.closeTransport(t.id()));
        assertEquals(new RoomInfo(room, 0, 0, 0, List.of("sfu3"), true), room(sfu1, room).orElseThrow());

        assertEquals(new RoomClosed(room, 0, 0, 0, List.of("sfu3")), value(sfu1.closeRoom(room)));
        assertEquals(Optional.empty(), room(sfu1, room));
        assertEquals(404, failure(sfu1.closeRoom(room)).status());
    }

    @Test
    @Order(3)
    void aRoomUsedAfterItWasClosedComesBackImplicitly() {
        ClusterSignalingService sfu2 = members.get(1);
        String room = "room-again";
        value(sfu2.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        value(sfu2.closeRoom(room));
        value(sfu2.createTransport(new Requests.CreateTransport(room, "send", null, null)));
        assertEquals(new RoomInfo(room, 1, 0, 0, List.of("sfu2"), false), room(sfu2, room).orElseThrow());
        assertFalse(value(sfu2.createRoom(room)).created());
    }

    /** Waits until an event published on each member reaches the subscriber (topic subscribers spread by gossip). */
    private static void awaitSubscriptionReachesEveryMember(TestProbe<SignalingEvent> events, String room) {
        for (ClusterSignalingService member : members) {
            events.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(500), () -> {
                TransportCreated probeTransport = value(member.createTransport(
                        new Requests.CreateTransport(room, "recv", null, null)));
                value(member.closeTransport(probeTransport.id()));
                SignalingEvent event;
                do {
                    event = events.receiveMessage(Duration.ofMillis(400));
                } while (!probeTransport.id().equals(event.data().get("transportId")));
                return null;
            });
        }
    }

    private static Optional<RoomInfo> room(ClusterSignalingService viewer, String room) {
        return value(viewer.rooms()).stream().filter(r -> r.room().equals(room)).findFirst();
    }

    private static TestProbe<Object> probe() {
        return cluster.member(0).createTestProbe();
    }
}
