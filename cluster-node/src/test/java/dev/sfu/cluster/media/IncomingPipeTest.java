package dev.sfu.cluster.media;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncomingPipeTest {
    private static final ActorTestKit KIT = ActorTestKit.create(
            ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void eachRequestGetsAFreshAttemptAndWaitingRequestsAreHandedOverOnce() {
        IncomingPipe pipe = new IncomingPipe("p@a", "a", "room");
        assertEquals(IncomingPipe.State.REQUESTED, pipe.state());
        pipe.requested();
        long first = pipe.attempt();
        pipe.requested();
        assertEquals(first + 1, pipe.attempt());

        TestProbe<MediaNode.ConsumerReply> replies = KIT.createTestProbe();
        MediaNode.Consume request = new MediaNode.Consume("t@b", "p@a", null, replies.getRef());
        pipe.await(request);
        pipe.await(request);
        assertEquals(2, pipe.takeWaiting().size());
        assertTrue(pipe.takeWaiting().isEmpty());

        pipe.await(request);
        pipe.refuseAll(new Refusal(404, "gone"));
        assertEquals(new Refusal(404, "gone"), replies.receiveMessage().refusal());
        replies.expectNoMessage(Duration.ofMillis(100));
        pipe.moveTo(IncomingPipe.State.READY);
        assertEquals(IncomingPipe.State.READY, pipe.state());
    }
}
