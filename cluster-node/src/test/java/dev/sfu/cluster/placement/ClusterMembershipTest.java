package dev.sfu.cluster.placement;

import dev.sfu.cluster.testing.TestCluster;
import dev.sfu.signaling.api.Responses;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two real members: each one's view names itself, both members Up, the leader and the oldest (the first to join). */
class ClusterMembershipTest {

    @Test
    void aMembersViewListsEveryMemberWithLeaderAndOldest() {
        try (TestCluster cluster = TestCluster.start(2)) {
            Cluster first = Cluster.get(cluster.member(0).system());
            Cluster second = Cluster.get(cluster.member(1).system());
            Responses.ClusterMembers view = ClusterMembership.of(second.state(), second.selfMember());

            assertEquals(second.selfMember().address().toString(), view.selfNode());
            assertEquals(first.selfMember().address().toString(), view.oldest());
            assertTrue(List.of(first.selfMember().address().toString(), second.selfMember().address().toString())
                    .contains(view.leader()), view.leader());
            assertEquals(2, view.members().size());
            for (Responses.Member member : view.members()) {
                assertEquals("Up", member.status());
                assertFalse(member.nodeUid().isEmpty());
            }
            assertEquals(Long.toString(second.selfMember().uniqueAddress().longUid()),
                    view.members().stream().filter(m -> m.node().equals(view.selfNode())).findFirst().orElseThrow().nodeUid());
            assertEquals(List.of(), view.unreachable());
        }
    }
}
