package dev.sfu.cluster.placement;

import com.typesafe.config.ConfigFactory;
import dev.sfu.signaling.api.NodeLoad;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CapacityLimitsTest {
    private final CapacityLimits limits = new CapacityLimits(10, 20, 30_000_000L);

    @Test
    void aMemberBelowEveryLimitHasRoom() {
        assertEquals(Optional.empty(), limits.reached(new NodeLoad(9, 100, 19, 0, 29_999_999L, 4.0)));
        assertEquals(Optional.empty(), limits.reached(null));
    }

    @Test
    void eachLimitIsNamedWithItsValueWhenReached() {
        assertEquals(Optional.of("max-transports (10)"), limits.reached(new NodeLoad(10, 0, 0, 0, 0, 0)));
        assertEquals(Optional.of("max-consumers (20)"), limits.reached(new NodeLoad(0, 0, 25, 0, 0, 0)));
        assertEquals(Optional.of("max-bitrate-out (30000000 bps)"),
                limits.reached(new NodeLoad(0, 0, 0, 0, 30_000_000L, 0)));
    }

    @Test
    void theDefaultsComeFromApplicationConf() {
        CapacityLimits defaults = CapacityLimits.from(ConfigFactory.load());
        assertEquals(new CapacityLimits(2000, 10000, 2_000_000_000L), defaults);
    }
}
