package dev.sfu.cluster.registry;

import dev.sfu.signaling.api.NodeLoad;

/**
 * Where a member's load comes from. The registry calls it about once a second on its actor thread, so an
 * implementation must answer at once from counters it already has (never block, never wait for the media thread).
 */
@FunctionalInterface
public interface NodeLoadSource {
    NodeLoad currentLoad();
}
