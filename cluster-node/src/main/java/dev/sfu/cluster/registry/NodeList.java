package dev.sfu.cluster.registry;

import dev.sfu.signaling.api.NodeInfo;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the cluster membership with the replicated announcements: one {@link NodeInfo} per member that has
 * announced itself, sorted by id. Announcements of members that are gone are left out.
 */
final class NodeList {
    static final String UNREACHABLE = "Unreachable";

    private NodeList() {
    }

    static List<NodeInfo> of(Map<String, Member> membersByKey, Set<String> unreachableKeys,
                             Collection<NodeAnnouncement> announcements) {
        return announcements.stream()
                .filter(a -> membersByKey.containsKey(a.memberKey()))
                .map(a -> info(a, status(membersByKey.get(a.memberKey()), unreachableKeys.contains(a.memberKey()))))
                .sorted(Comparator.comparing(NodeInfo::id))
                .toList();
    }

    static NodeInfo info(NodeAnnouncement a, String status) {
        return new NodeInfo(a.nodeId(), status, a.httpUrl(), a.managementUrl(), a.mediaAddress(), a.load(),
                a.updatedAtMillis(), a.draining());
    }

    /** The Pekko member status ("Up", "Leaving", ...), or "Unreachable" while an undecided member is unreachable. */
    static String status(Member member, boolean unreachable) {
        MemberStatus status = member.status();
        if (unreachable && !status.equals(MemberStatus.down())) {
            return UNREACHABLE;
        }
        return status.toString();
    }

    static boolean isUp(NodeInfo node) {
        return node.status().equals(MemberStatus.up().toString());
    }
}
