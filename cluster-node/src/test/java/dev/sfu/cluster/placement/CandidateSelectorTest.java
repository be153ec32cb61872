package dev.sfu.cluster.placement;

import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateSelectorTest {
    private static final PlacementSettings SETTINGS = new PlacementSettings(new CapacityLimits(10, 100, 1_000_000_000L), 50);

    private static NodeInfo node(String id, int consumers) {
        return new NodeInfo(id, "Up", null, null, null, new NodeLoad(0, 0, consumers, 0, 0, 0.0), 0L);
    }

    private static NodeInfo node(String id, String status, boolean draining, NodeLoad load) {
        return new NodeInfo(id, status, null, null, null, load, 0L, draining);
    }

    @Test
    void aPublisherGoesToTheLeastLoadedMember() {
        List<NodeInfo> nodes = List.of(node("sfu1", 30), node("sfu2", 5), node("sfu3", 12));
        for (long turn = 0; turn < 4; turn++) assertEquals("sfu2", CandidateSelector.forPublisher(nodes, SETTINGS, turn));
    }

    @Test
    void tiesAreTakenInTurnsWhateverTheListOrder() {
        List<NodeInfo> nodes = List.of(node("sfu3", 2), node("sfu9", 7), node("sfu1", 2), node("sfu2", 2));
        List<String> picks = List.of(CandidateSelector.forPublisher(nodes, SETTINGS, 0),
                CandidateSelector.forPublisher(nodes, SETTINGS, 1), CandidateSelector.forPublisher(nodes, SETTINGS, 2),
                CandidateSelector.forPublisher(nodes, SETTINGS, 3));
        assertEquals(List.of("sfu1", "sfu2", "sfu3", "sfu1"), picks);
    }

    @Test
    void drainingNotUpAndFullMembersAreNoCandidates() {
        NodeLoad idle = NodeLoad.EMPTY;
        List<NodeInfo> nodes = List.of(
                node("draining", "Up", true, idle),
                node("leaving", "Leaving", false, idle),
                node("unreachable", "Unreachable", false, idle),
                node("full", "Up", false, new NodeLoad(10, 0, 0, 0, 0, 0)),
                node("busy", "Up", false, new NodeLoad(1, 0, 60, 0, 0, 0)));
        assertEquals(List.of("busy"), CandidateSelector.candidates(nodes, SETTINGS.limits()).stream().map(NodeInfo::id).toList());
        assertEquals("busy", CandidateSelector.forPublisher(nodes, SETTINGS, 0));
        assertEquals(Optional.of("draining"), CandidateSelector.exclusion(nodes.get(0), SETTINGS.limits()));
        assertEquals(Optional.of("status Leaving"), CandidateSelector.exclusion(nodes.get(1), SETTINGS.limits()));
        assertEquals(Optional.of("at max-transports (10)"), CandidateSelector.exclusion(nodes.get(3), SETTINGS.limits()));
    }

    @Test
    void aFullClusterIsRefusedWith503NamingEveryMember() {
        List<NodeInfo> nodes = List.of(node("sfu1", "Up", true, NodeLoad.EMPTY),
                node("sfu2", "Up", false, new NodeLoad(0, 0, 100, 0, 0, 0)));
        ApiException full = assertThrows(ApiException.class, () -> CandidateSelector.forPublisher(nodes, SETTINGS, 0));
        assertEquals(503, full.status());
        assertEquals("cluster is full: sfu1 draining, sfu2 at max-consumers (100)", full.getMessage());
        ApiException none = assertThrows(ApiException.class,
                () -> CandidateSelector.forSubscriber(List.of(), Set.of("sfu1"), SETTINGS, 0));
        assertEquals("cluster is full: no member is listed", none.getMessage());
    }

    @Test
    void aSubscriberGoesWhereItsStreamIsEvenIfOthersAreLessLoaded() {
        List<NodeInfo> nodes = List.of(node("sfu1", 0), node("sfu2", 40), node("sfu3", 45));
        assertEquals("sfu2", CandidateSelector.forSubscriber(nodes, List.of("sfu2"), SETTINGS, 0));
        // home sfu3 and piped to sfu2: the less loaded of the two
        assertEquals("sfu2", CandidateSelector.forSubscriber(nodes, List.of("sfu3", "sfu2"), SETTINGS, 0));
    }

    @Test
    void aSubscriberGoesToTheLeastLoadedMemberWhenTheStreamsMembersAreOverTheThreshold() {
        List<NodeInfo> nodes = List.of(node("sfu1", 20), node("sfu2", 51), node("sfu3", 10));
        assertEquals("sfu3", CandidateSelector.forSubscriber(nodes, List.of("sfu2"), SETTINGS, 0));
        // exactly at the threshold still counts as having room
        List<NodeInfo> atThreshold = List.of(node("sfu1", 20), node("sfu2", 50));
        assertEquals("sfu2", CandidateSelector.forSubscriber(atThreshold, List.of("sfu2"), SETTINGS, 0));
    }

    @Test
    void aSubscriberIsNotSentToItsStreamsMemberWhenThatMemberIsDrainingOrGone() {
        List<NodeInfo> nodes = List.of(node("sfu1", "Up", true, NodeLoad.EMPTY), node("sfu2", 30), node("sfu3", 20));
        assertEquals("sfu3", CandidateSelector.forSubscriber(nodes, List.of("sfu1"), SETTINGS, 0));
        assertEquals("sfu3", CandidateSelector.forSubscriber(nodes, List.of("sfu-gone"), SETTINGS, 0));
    }

    @Test
    void everyTieGetsItsTurnOverAFullRound() {
        List<NodeInfo> nodes = List.of(node("a", 1), node("b", 1), node("c", 1));
        Set<String> picked = new HashSet<>();
        for (long turn = 100; turn < 103; turn++) picked.add(CandidateSelector.leastLoaded(nodes, turn));
        assertEquals(Set.of("a", "b", "c"), picked);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CandidateSelector.leastLoaded(List.of(), 0))
                .getMessage().contains("no candidates"));
    }
}
