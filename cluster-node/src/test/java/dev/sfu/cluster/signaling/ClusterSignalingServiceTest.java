package dev.sfu.cluster.signaling;

import dev.sfu.cluster.media.MediaIds;
import dev.sfu.cluster.media.ProducerEntity;
import dev.sfu.cluster.media.ProducerRecord;
import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service on a real two-member cluster: sfu1 and sfu2, each with its own service. */
class ClusterSignalingServiceTest {
    private static TestCluster cluster;
    private static ClusterSignalingService sfu1;
    private static ClusterSignalingService sfu2;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(2);
        sfu1 = start(cluster.member(0), "sfu1");
        sfu2 = start(cluster.member(1), "sfu2");
        awaitMemberSeen(sfu1, "sfu2");
        awaitMemberSeen(sfu2, "sfu1");
    }

    private static ClusterSignalingService start(ActorTestKit member, String nodeId) {
        return ClusterSignalingService.start(member::spawn, member.system(), nodeId, null,
                new NoMembers());
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
    void consumingAProducerOfAnotherMemberIsNotAvailableYetButUnknownOnesAre404() {
        String transportOnSfu2 = MediaIds.newId("sfu2");
        String unknownProducer = MediaIds.newId("sfu1");
        ApiException unknown = failure(sfu1.consume(new Requests.Consume(transportOnSfu2, unknownProducer, deviceCaps())));
        assertEquals(404, unknown.status());
        assertEquals("unknown producer id '" + unknownProducer + "'", unknown.getMessage());

        String producerOnSfu1 = MediaIds.newId("sfu1");
        TestProbe<Done> done = cluster.member(0).createTestProbe();
        ClusterSharding.get(cluster.member(0).system()).entityRefFor(ProducerEntity.TYPE_KEY, producerOnSfu1)
                .tell(new ProducerEntity.Register(new ProducerRecord(producerOnSfu1, "sfu1", "r", "audio", params(),
                        false, List.of()), done.getRef()));
        done.expectMessage(TestCluster.PATIENCE, Done.getInstance());
        ApiException later = failure(sfu1.consume(new Requests.Consume(transportOnSfu2, producerOnSfu1, deviceCaps())));
        assertEquals(501, later.status());
        assertTrue(later.getMessage().startsWith("cross-member consume not available yet"), later.getMessage());
    }

    @Test
    void badRtpCapabilitiesAreABadRequest() {
        ApiException e = failure(sfu2.consume(new Requests.Consume(MediaIds.newId("sfu1"), MediaIds.newId("sfu1"),
                new RtpCapabilities(null, List.of()))));
        assertEquals(400, e.status());
        assertEquals("rtpCapabilities.codecs is missing", e.getMessage());
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
    private static final class NoMembers implements MemberView {
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
