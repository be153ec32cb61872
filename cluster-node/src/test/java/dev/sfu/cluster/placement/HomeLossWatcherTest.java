package dev.sfu.cluster.placement;

import dev.sfu.cluster.media.MediaNode;
import dev.sfu.cluster.signaling.SfuEventTopic;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two real members; member 1 runs the watcher, member 2 hosts a stand-in MediaNode for "sfu9" (registered under the
 * MediaNode key and name). When that MediaNode terminates without closing its producers, member 1 (the oldest
 * survivor) closes them: producerClosed (reason nodeDown) reaches subscribers on every member.
 */
class HomeLossWatcherTest {
    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theProducersOfAVanishedMemberAreClosedClusterWide() {
        ActorTestKit survivor = cluster.member(0);
        ActorTestKit lost = cluster.member(1);
        ActorRef<Topic.Command<SfuEventTopic.Published>> topic = survivor.spawn(SfuEventTopic.create(), "topic-1");
        ActorRef<Topic.Command<SfuEventTopic.Published>> lostTopic = lost.spawn(SfuEventTopic.create(), "topic-2");
        TestProbe<SfuEventTopic.Published> heard = lost.createTestProbe();
        lostTopic.tell(Topic.subscribe(heard.getRef()));
        survivor.spawn(HomeLossWatcher.create("sfu1", topic), "watcher");

        Behavior<MediaNode.Command> standIn = Behaviors.setup(context -> {
            context.getSystem().receptionist().tell(Receptionist.register(MediaNode.SERVICE_KEY, context.getSelf()));
            return Behaviors.receive(MediaNode.Command.class)
                    .onSignal(org.apache.pekko.actor.typed.PostStop.class, signal -> Behaviors.same())
                    .build();
        });
        ActorRef<MediaNode.Command> sfu9 = lost.spawn(standIn, MediaNode.actorName("sfu9"));
        String producerId = "p-on-sfu9";

        // the announcement reaches the survivor's watcher, and the survivor sees sfu9's MediaNode
        TestProbe<Receptionist.Listing> listing = survivor.createTestProbe();
        listing.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(300), () -> {
            survivor.system().receptionist().tell(Receptionist.find(MediaNode.SERVICE_KEY, listing.getRef()));
            assertEquals(1, listing.receiveMessage().getServiceInstances(MediaNode.SERVICE_KEY).size());
            return null;
        });
        heard.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(300), () -> {
            lostTopic.tell(Topic.publish(new SfuEventTopic.Published(new SignalingEvent("newProducer", "room-a", "sfu9",
                    1L, Map.of("producerId", producerId, "kind", "audio")))));
            assertEquals("newProducer", heard.receiveMessage(Duration.ofMillis(250)).event().type());
            return null;
        });
        // the publication that reached member 2's subscriber reached member 1's watcher as well (same topic), but
        // the watcher may see the MediaNode listing later: give it a moment before the stand-in goes
        heard.expectNoMessage(Duration.ofSeconds(1));

        lost.stop(sfu9);

        SfuEventTopic.Published closed = skipUntilProducerClosed(heard);
        assertEquals("sfu9", closed.event().node());
        assertEquals("room-a", closed.event().room());
        assertEquals(Map.of("producerId", producerId, "reason", "nodeDown"), closed.event().data());
        // once: the producer is forgotten, so it is not reported again
        heard.expectNoMessage(Duration.ofSeconds(1));
    }

    private static SfuEventTopic.Published skipUntilProducerClosed(TestProbe<SfuEventTopic.Published> heard) {
        long deadline = System.nanoTime() + TestCluster.PATIENCE.toNanos();
        while (true) {
            SfuEventTopic.Published next = heard.receiveMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (next.event().type().equals("producerClosed")) return next;
        }
    }
}
