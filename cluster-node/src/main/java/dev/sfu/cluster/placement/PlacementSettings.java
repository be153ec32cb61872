package dev.sfu.cluster.placement;

import com.typesafe.config.Config;

/**
 * The placement rules' knobs: the capacity limits of a member, and {@code streamMemberMaxScore}, the
 * {@link LoadScore} above which a subscriber is no longer sent to a member that already has its stream.
 */
public record PlacementSettings(CapacityLimits limits, double streamMemberMaxScore) {

    public static PlacementSettings from(Config config) {
        return new PlacementSettings(CapacityLimits.from(config),
                config.getDouble("sfu.placement.stream-member-max-load"));
    }
}
