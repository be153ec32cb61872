package dev.sfu.cluster.media;

import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.pipe.PipeSrtpKeys;
import dev.sfu.media.srtp.SrtpProfile;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer entity in a real two-member cluster: registered through one member, read through the other. A
 * stand-in home MediaNode ("sfuh", on member 0) and a stand-in piped member are probes, so every message crossing
 * members goes through the CBOR serializer.
 */
class ProducerEntityTest {
    private static TestCluster cluster;
    private static TestProbe<MediaNode.Command> home;
    private static ActorRef<MediaNode.Command> homeRef;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
        ProducerEntity.init(cluster.member(0).system());
        ProducerEntity.init(cluster.member(1).system());
        home = cluster.member(0).createTestProbe();
        homeRef = cluster.member(0).spawn(Behaviors.setup(context -> {
            context.getSystem().receptionist().tell(Receptionist.register(MediaNode.SERVICE_KEY, context.getSelf()));
            return Behaviors.receiveMessage(message -> {
                home.getRef().tell(message);
                return Behaviors.same();
            });
        }), MediaNode.actorName("sfuh"));
        for (int member = 0; member < 2; member++) {
            ActorTestKit kit = cluster.member(member);
            TestProbe<Receptionist.Listing> listings = kit.createTestProbe();
            listings.awaitAssert(TestCluster.PATIENCE, Duration.ofMillis(200), () -> {
                kit.system().receptionist().tell(Receptionist.find(MediaNode.SERVICE_KEY, listings.getRef()));
                var instances = listings.receiveMessage().getServiceInstances(MediaNode.SERVICE_KEY);
                assertTrue(instances.stream().anyMatch(ref -> "sfuh".equals(MediaNode.nodeIdOf(ref))),
                        instances.toString());
                return null;
            });
        }
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

    @Test
    void pipeMessagesSurviveTheClusterSerializer() {
        SerializationTestKit serialization = new SerializationTestKit(cluster.member(0).system());
        String producerId = MediaIds.newId("sfuh");
        PipeOffer offer = new PipeOffer(producerId, "room-a", "audio", sample(producerId).consumableRtpParameters(),
                true, MediaIds.newId("sfuh"), "sfuh", "127.0.0.1:40008",
                PipeSrtpKeys.generate(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        serialization.verifySerialization(new MediaNode.PipeOffered(producerId, offer, homeRef, null), true);
        serialization.verifySerialization(new MediaNode.PipeOpened(offer, null), true);
        serialization.verifySerialization(new MediaNode.PipeOffered(producerId, null, null, new Refusal(404, "x")), true);
        serialization.verifySerialization(new ProducerEntity.RequestPipe("room-a", "sfum", "127.0.0.1:1", homeRef), true);
        serialization.verifySerialization(new MediaNode.ProducerReport(sample(producerId),
                List.of(new PipedMember("sfum", homeRef))), true);
    }

    @Test
    void anEntityThatLostItsStateRebuildsItFromTheHomeBeforeAnswering() {
        String producerId = MediaIds.newId("sfuh");
        // on the home's member: the home reports it, and a ref is written by the system it belongs to
        TestProbe<MediaNode.Command> member = cluster.member(0).createTestProbe();
        TestProbe<ProducerEntity.Lookup> lookups = cluster.member(1).createTestProbe();
        entity(1, producerId).tell(new ProducerEntity.Get(lookups.getRef()));

        MediaNode.ReportProducer report = home.expectMessageClass(MediaNode.ReportProducer.class, TestCluster.PATIENCE);
        assertEquals(producerId, report.producerId());
        ProducerRecord known = new ProducerRecord(producerId, "sfuh", "room-a", "audio", sample(producerId)
                .consumableRtpParameters(), false, List.of("sfum"));
        report.replyTo().tell(new MediaNode.ProducerReport(known, List.of(new PipedMember("sfum", member.getRef()))));
        assertEquals(known, lookups.expectMessageClass(ProducerEntity.Lookup.class, TestCluster.PATIENCE).producer());

        entity(0, producerId).tell(new ProducerEntity.SetPaused(true, cluster.member(0).system().ignoreRef()));
        assertEquals(new MediaNode.SetPipeProducerPaused(producerId, true),
                member.expectMessageClass(MediaNode.SetPipeProducerPaused.class, TestCluster.PATIENCE));
    }

    @Test
    void requestsFromOneMemberWhileItsPipeIsOpeningShareOneOpenPipe() {
        String producerId = MediaIds.newId("sfuh");
        TestProbe<Done> done = cluster.member(0).createTestProbe();
        ProducerRecord record = new ProducerRecord(producerId, "sfuh", "room-a", "audio",
                sample(producerId).consumableRtpParameters(), false, List.of());
        entity(0, producerId).tell(new ProducerEntity.Register(record, homeRef, List.of(), done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());

        TestProbe<MediaNode.Command> member = cluster.member(1).createTestProbe();
        for (int i = 0; i < 3; i++) {
            entity(1, producerId).tell(new ProducerEntity.RequestPipe("room-a", "sfum", "127.0.0.1:40009", member.getRef()));
        }
        MediaNode.OpenPipe open = home.expectMessageClass(MediaNode.OpenPipe.class, TestCluster.PATIENCE);
        assertEquals("sfum", open.member());
        assertEquals("127.0.0.1:40009", open.mediaAddress());
        PipeOffer offer = new PipeOffer(producerId, "room-a", "audio", record.consumableRtpParameters(), false,
                MediaIds.newId("sfuh"), "sfuh", "127.0.0.1:40008", PipeSrtpKeys.generate(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        open.replyTo().tell(new MediaNode.PipeOpened(offer, null));
        for (int i = 0; i < 3; i++) {
            MediaNode.PipeOffered offered = member.expectMessageClass(MediaNode.PipeOffered.class, TestCluster.PATIENCE);
            assertEquals(offer, offered.offer());
            assertEquals(homeRef.path().name(), offered.home().path().name());
        }
        home.expectNoMessage(Duration.ofMillis(300));

        entity(1, producerId).tell(new ProducerEntity.RequestPipe("another-room", "sfun", "127.0.0.1:40010", member.getRef()));
        assertEquals(404, member.expectMessageClass(MediaNode.PipeOffered.class, TestCluster.PATIENCE).refusal().status());

        entity(1, producerId).tell(new ProducerEntity.PipeReleased("sfum"));
        assertEquals(new MediaNode.ClosePipe(producerId, "sfum"),
                home.expectMessageClass(MediaNode.ClosePipe.class, TestCluster.PATIENCE));
        entity(1, producerId).tell(new ProducerEntity.RequestPipe("room-a", "sfum", "127.0.0.1:40009", member.getRef()));
        home.expectMessageClass(MediaNode.OpenPipe.class, TestCluster.PATIENCE)
                .replyTo().tell(new MediaNode.PipeOpened(offer, null));
        member.expectMessageClass(MediaNode.PipeOffered.class, TestCluster.PATIENCE);

        entity(0, producerId).tell(new ProducerEntity.Close(List.of(), done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());
        assertEquals(new MediaNode.ClosePipeProducer(producerId),
                member.expectMessageClass(MediaNode.ClosePipeProducer.class, TestCluster.PATIENCE));
    }
}
