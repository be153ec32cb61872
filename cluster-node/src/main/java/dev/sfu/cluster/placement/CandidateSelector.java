package dev.sfu.cluster.placement;

import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The placement rules as pure functions of a node list. A candidate is a member that is Up, not draining and below
 * every capacity limit. Publishers go to the least-loaded candidate; subscribers to the least-loaded candidate that
 * already has their stream (home or pipe) while its score is at most the threshold, else to the least-loaded
 * candidate. Ties are broken round-robin by {@code turn}, a number the caller increments per decision.
 */
public final class CandidateSelector {
    static final String UP = "Up";

    private CandidateSelector() {
    }

    /** Why {@code node} cannot take a new transport ("draining", "max-consumers (500)", ...); empty if it can. */
    public static Optional<String> exclusion(NodeInfo node, CapacityLimits limits) {
        if (!UP.equals(node.status())) return Optional.of("status " + node.status());
        if (node.draining()) return Optional.of("draining");
        return limits.reached(node.load()).map(limit -> "at " + limit);
    }

    public static List<NodeInfo> candidates(Collection<NodeInfo> nodes, CapacityLimits limits) {
        return nodes.stream().filter(node -> exclusion(node, limits).isEmpty()).toList();
    }

    /** The member for a publisher's (send) transport. */
    public static String forPublisher(List<NodeInfo> nodes, PlacementSettings settings, long turn) {
        return leastLoaded(candidatesOrFull(nodes, settings.limits()), turn);
    }

    /** The member for a subscriber's (recv) transport whose stream is already on {@code streamMembers}. */
    public static String forSubscriber(List<NodeInfo> nodes, Collection<String> streamMembers,
                                       PlacementSettings settings, long turn) {
        List<NodeInfo> candidates = candidatesOrFull(nodes, settings.limits());
        List<NodeInfo> withStream = candidates.stream()
                .filter(node -> streamMembers.contains(node.id()))
                .filter(node -> LoadScore.of(node.load()) <= settings.streamMemberMaxScore())
                .toList();
        return leastLoaded(withStream.isEmpty() ? candidates : withStream, turn);
    }

    /** The candidate with the lowest {@link LoadScore}; among equal scores (sorted by id) the {@code turn}-th. */
    public static String leastLoaded(List<NodeInfo> candidates, long turn) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("no candidates");
        double lowest = candidates.stream().mapToDouble(node -> LoadScore.of(node.load())).min().orElseThrow();
        List<NodeInfo> ties = candidates.stream()
                .filter(node -> LoadScore.of(node.load()) == lowest)
                .sorted(Comparator.comparing(NodeInfo::id))
                .toList();
        return ties.get((int) Math.floorMod(turn, (long) ties.size())).id();
    }

    private static List<NodeInfo> candidatesOrFull(List<NodeInfo> nodes, CapacityLimits limits) {
        List<NodeInfo> candidates = candidates(nodes, limits);
        if (candidates.isEmpty()) throw clusterFull(nodes, limits);
        return candidates;
    }

    /** 503 naming each member and why it takes nothing. */
    static ApiException clusterFull(List<NodeInfo> nodes, CapacityLimits limits) {
        String reasons = nodes.isEmpty() ? "no member is listed"
                : nodes.stream()
                .map(node -> node.id() + " " + exclusion(node, limits).orElse("?"))
                .collect(Collectors.joining(", "));
        return ApiException.unavailable("cluster is full: " + reasons);
    }
}
