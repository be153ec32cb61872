package dev.sfu.cluster.media;

import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.ortc.RtpParameters;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The producer entity in a real two-member cluster: registered through one member, read through the other. */
class ProducerEntityTest {
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
        ProducerEntity.init(cluster.member(0).system());
        ProducerEntity.init(cluster.member(1).system());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static EntityRef<ProducerEntity.Command> entity(int member, String producerId) {
        return ClusterSharding.get(cluster.member(member).system()).entityRefFor(ProducerEntity.TYPE_KEY, producerId);
    }

    private static ProducerRecord sample(String producerId) {
        RtpParameters params = new RtpParameters(null, List.of(), List.of(), List.of(), null);
        return new ProducerRecord(producerId, "sfu1", "room-a", "audio", params, false, List.of());
    }

    @Test
    void aRegisteredProducerIsSeenFromEveryMemberWithItsPauseState() {
        String producerId = MediaIds.newId("sfu1");
        TestProbe<Done> done = cluster.member(0).createTestProbe();
        entity(0, producerId).tell(new ProducerEntity.Register(sample(producerId), null, List.of(), done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());
        entity(0, producerId).tell(new ProducerEntity.SetPaused(true, done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());

        TestProbe<ProducerEntity.Lookup> lookups = cluster.member(1).createTestProbe();
        entity(1, producerId).tell(new ProducerEntity.Get(lookups.getRef()));
        ProducerEntity.Lookup lookup = lookups.expectMessageClass(ProducerEntity.Lookup.class, TestCluster.PATIENCE);
        assertEquals(sample(producerId).withPaused(true), lookup.producer());
    }

    @Test
    void aClosedOrNeverRegisteredProducerIsUnknown() {
        String producerId = MediaIds.newId("sfu1");
        TestProbe<Done> done = cluster.member(1).createTestProbe();
        entity(1, producerId).tell(new ProducerEntity.Register(sample(producerId), null, List.of(), done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());
        entity(1, producerId).tell(new ProducerEntity.Close(List.of(), done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());

        ShardedProducerLocator locator = new ShardedProducerLocator(cluster.member(0).system(), TestCluster.PATIENCE);
        TestProbe<Object> probe = cluster.member(0).createTestProbe();
        // the entity stops after Close; a Get right after may still reach it or a fresh one: both know nothing
        probe.awaitAssert(TestCluster.PATIENCE, () -> {
            assertEquals(Optional.empty(), locator.locate(producerId).toCompletableFuture().join());
            return null;
        });
        TestProbe<ProducerEntity.Lookup> lookups = cluster.member(0).createTestProbe();
        String never = MediaIds.newId("sfu2");
        entity(0, never).tell(new ProducerEntity.Get(lookups.getRef()));
        assertNull(lookups.expectMessageClass(ProducerEntity.Lookup.class, TestCluster.PATIENCE).producer());
    }
}
