package dev.sfu.cluster.placement;

import dev.sfu.signaling.api.NodeLoad;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadScoreTest {

    @Test
    void anIdleMemberScoresZero() {
        assertEquals(0.0, LoadScore.of(NodeLoad.EMPTY));
        assertEquals(0.0, LoadScore.of(null));
    }

    @Test
    void consumersBitrateOutAndCpuAddUpWithTheirWeights() {
        // 10 consumers + 5 Mbit/s + half a core = 10 + 5 + 10
        assertEquals(25.0, LoadScore.of(new NodeLoad(3, 2, 10, 999_000_000L, 5_000_000L, 0.5)), 1e-9);
    }

    @Test
    void transportsProducersAndIncomingBitrateDoNotCount() {
        assertEquals(0.0, LoadScore.of(new NodeLoad(50, 20, 0, 80_000_000L, 0, 0.0)));
    }

    @Test
    void aFullCoreWeighsAsMuchAsTwentyConsumers() {
        assertEquals(LoadScore.of(new NodeLoad(0, 0, 20, 0, 0, 0.0)), LoadScore.of(new NodeLoad(0, 0, 0, 0, 0, 1.0)));
    }

    @Test
    void anUnknownCpuReadingCountsAsNone() {
        assertEquals(1.0, LoadScore.of(new NodeLoad(0, 0, 1, 0, 0, -1.0)));
        assertTrue(LoadScore.of(new NodeLoad(0, 0, 2, 0, 0, 0)) > LoadScore.of(new NodeLoad(0, 0, 1, 0, 0, 0)));
    }
}
