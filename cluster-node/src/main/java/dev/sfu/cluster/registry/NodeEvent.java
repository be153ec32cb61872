package dev.sfu.cluster.registry;

import dev.sfu.signaling.api.NodeInfo;

/** A change in the node list, sent to the registry's subscribers. {@code node.status()} says what happened. */
public sealed interface NodeEvent {
    NodeInfo node();

    /** The member is listed, Up and reachable (newly, or again). */
    record NodeUp(NodeInfo node) implements NodeEvent {
    }

    /** The member is no longer Up and reachable: leaving, exiting, unreachable, downed or removed. */
    record NodeDown(NodeInfo node) implements NodeEvent {
    }
}
