package dev.sfu.cluster.media;

import dev.sfu.cluster.signaling.SfuEventTopic;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each member's directory lists every member's MediaNode by member id, from the real Receptionist. */
class MediaNodeDirectoryTest {
    private static TestCluster cluster;
    private static ActorRef<MediaNode.Command> sfu2MediaNode;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
        spawnMediaNode(cluster.member(0), "sfu1");
        sfu2MediaNode = spawnMediaNode(cluster.member(1), "sfu-2.b");
    }

    private static final List<MediaEngine> engines = new ArrayList<>();

    private static ActorRef<MediaNode.Command> spawnMediaNode(ActorTestKit member, String nodeId) {
        MediaEngine engine = MediaEngine.start(MediaEngineConfig.of("127.0.0.1", 0, "127.0.0.1"));
        engines.add(engine);
        var topic = member.spawn(SfuEventTopic.create());
        return member.spawn(MediaNode.create(nodeId, engine, topic, new MediaLoad(), TestPipes.settings(engine)),
                MediaNode.actorName(nodeId));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        engines.forEach(MediaEngine::close);
    }

    @Test
    void findsEveryMembersMediaNodeByMemberId() {
        ActorTestKit member = cluster.member(0);
        ActorRef<MediaNodeDirectory.Command> directory = member.spawn(MediaNodeDirectory.create());
        TestProbe<MediaNodeDirectory.All> all = member.createTestProbe();
        all.awaitAssert(TestCluster.PATIENCE, () -> {
            directory.tell(new MediaNodeDirectory.ListAll(all.getRef()));
            assertEquals(Set.of("sfu1", "sfu-2.b"), all.receiveMessage().mediaNodes().keySet());
            return null;
        });

        TestProbe<MediaNodeDirectory.Found> found = member.createTestProbe();
        directory.tell(new MediaNodeDirectory.Find("sfu-2.b", found.getRef()));
        ActorRef<MediaNode.Command> sfu2 = found.receiveMessage().mediaNode();
        assertEquals(sfu2MediaNode.path().name(), sfu2.path().name());
        assertEquals(Cluster.get(cluster.member(1).system()).selfMember().address(), sfu2.path().address());
        directory.tell(new MediaNodeDirectory.Find("sfu9", found.getRef()));
        assertNull(found.receiveMessage().mediaNode());
    }

    @Test
    void theMemberIdIsReadFromTheActorName() {
        assertEquals("sfu-2.b", MediaNode.nodeIdOf(sfu2MediaNode));
        assertNull(MediaNode.nodeIdOf(cluster.member(0).createTestProbe().getRef()));
    }
}
