package dev.sfu.cluster.placement;

import com.typesafe.config.Config;
import dev.sfu.signaling.api.NodeLoad;

import java.util.Optional;

/**
 * How much one member may carry ({@code sfu.limits.*}): transports, consumers and outgoing bitrate (bits per second).
 * A member at or above any limit is full and takes no new transport.
 */
public record CapacityLimits(int maxTransports, int maxConsumers, long maxBitrateOut) {
    public static final String PATH = "sfu.limits";

    public static CapacityLimits from(Config config) {
        Config limits = config.getConfig(PATH);
        return new CapacityLimits(limits.getInt("max-transports"), limits.getInt("max-consumers"),
                limits.getLong("max-bitrate-out"));
    }

    /** Which limit a member with {@code load} has reached, as "max-consumers (500)"; empty while it has room. */
    public Optional<String> reached(NodeLoad load) {
        if (load == null) return Optional.empty();
        if (load.transports() >= maxTransports) return Optional.of("max-transports (" + maxTransports + ")");
        if (load.consumers() >= maxConsumers) return Optional.of("max-consumers (" + maxConsumers + ")");
        if (load.bitrateOut() >= maxBitrateOut) return Optional.of("max-bitrate-out (" + maxBitrateOut + " bps)");
        return Optional.empty();
    }
}
