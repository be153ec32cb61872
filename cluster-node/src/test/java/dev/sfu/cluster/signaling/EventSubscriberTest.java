package dev.sfu.cluster.signaling;

import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events published on one member reach a subscriber on another, filtered by room. */
class EventSubscriberTest {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void deliversTheRoomsEventsAndClusterWideOnesFromAnotherMember() {
        ActorRef<Topic.Command<SfuEventTopic.Published>> topicHere = cluster.member(0).spawn(SfuEventTopic.create());
        ActorRef<Topic.Command<SfuEventTopic.Published>> topicThere = cluster.member(1).spawn(SfuEventTopic.create());
        TestProbe<SignalingEvent> received = cluster.member(0).createTestProbe();
        ActorRef<EventSubscriber.Command> subscriber =
                cluster.member(0).spawn(EventSubscriber.create(topicHere, "room-a", received.getRef()::tell));

        // wait until the other member's topic knows our subscriber: publish probes until one arrives
        SignalingEvent hello = event("hello", "room-a");
        received.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(500), () -> {
            topicThere.tell(Topic.publish(new SfuEventTopic.Published(hello)));
            assertEquals("hello", received.receiveMessage(Duration.ofMillis(400)).type());
            return null;
        });

        topicThere.tell(Topic.publish(new SfuEventTopic.Published(event("producerClosed", "room-b"))));
        topicThere.tell(Topic.publish(new SfuEventTopic.Published(event("producerClosed", "room-a"))));
        topicThere.tell(Topic.publish(new SfuEventTopic.Published(event("nodeUp", null))));
        SignalingEvent first = nextNotHello(received);
        SignalingEvent second = nextNotHello(received);
        assertEquals("room-a", first.room());
        assertEquals("p1", first.data().get("producerId"));
        assertEquals("sfu2", first.node());
        assertEquals("nodeUp", second.type());

        subscriber.tell(EventSubscriber.Stop.INSTANCE);
        received.expectTerminated(subscriber, TestCluster.PATIENCE);
    }

    /** Skips the late copies of the probing "hello" events. */
    private static SignalingEvent nextNotHello(TestProbe<SignalingEvent> received) {
        SignalingEvent event = received.receiveMessage(TestCluster.PATIENCE);
        while (event.type().equals("hello")) event = received.receiveMessage(TestCluster.PATIENCE);
        return event;
    }

    private static SignalingEvent event(String type, String room) {
        return new SignalingEvent(type, room, "sfu2", 1_700_000_000_000L, Map.of("producerId", "p1"));
    }
}
