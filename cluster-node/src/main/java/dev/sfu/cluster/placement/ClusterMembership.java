package dev.sfu.cluster.placement;

import dev.sfu.signaling.api.Responses;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * A member's view of the cluster membership in the shape of Pekko Management's {@code /cluster/members}, built
 * from the cluster state in memory rather than by an HTTP call.
 */
public final class ClusterMembership {
    private ClusterMembership() {
    }

    public static Responses.ClusterMembers of(CurrentClusterState state, Member self) {
        List<Member> members = StreamSupport.stream(state.getMembers().spliterator(), false)
                .sorted(Comparator.comparing(member -> member.address().toString()))
                .toList();
        Optional<Member> oldest = members.stream()
                .filter(member -> member.status().equals(org.apache.pekko.cluster.MemberStatus.up()))
                .reduce((a, b) -> a.isOlderThan(b) ? a : b);
        List<Responses.Member> listed = members.stream()
                .map(member -> new Responses.Member(member.address().toString(),
                        Long.toString(member.uniqueAddress().longUid()), member.status().toString(),
                        List.copyOf(member.getRoles())))
                .toList();
        List<Responses.Unreachable> unreachable = new ArrayList<>();
        for (Member member : state.getUnreachable()) {
            unreachable.add(new Responses.Unreachable(member.address().toString(), member.status().toString()));
        }
        unreachable.sort(Comparator.comparing(Responses.Unreachable::node));
        Address leader = state.getLeader();
        return new Responses.ClusterMembers(self.address().toString(), leader == null ? null : leader.toString(),
                oldest.map(member -> member.address().toString()).orElse(null), listed, unreachable);
    }
}
