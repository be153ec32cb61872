package dev.sfu.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NackGeneratorTest {
    private final int[] out = new int[64];

    @Test
    void nacksTheGapAcrossTheWrapAndForgetsRecoveredPackets() {
        NackGenerator g = new NackGenerator();
        g.onPacket(65533);
        assertFalse(g.onPacket(2));                         // 65534, 65535, 0, 1 missing
        assertEquals(4, g.missingCount());
        assertArrayEquals(new int[] {65534, 65535, 0, 1}, Arrays.copyOf(out, g.collect(0, 0, out)));
        g.onPacket(65535);                                  // arrives late (or retransmitted)
        assertEquals(1, g.recoveredTotal());
        assertEquals(0, g.collect(50, 0, out), "retry waits for the default interval");
        assertArrayEquals(new int[] {65534, 0, 1}, Arrays.copyOf(out, g.collect(100, 0, out)));
        assertEquals(0, g.collect(120, 30, out), "retry interval follows the RTT");
        assertEquals(3, g.collect(130, 30, out));
    }

    @Test
    void givesUpAfterTheRetryLimit() {
        NackGenerator g = new NackGenerator();
        g.onPacket(1);
        g.onPacket(3);
        for (int i = 0; i < NackGenerator.MAX_RETRIES; i++) {
            assertEquals(1, g.collect(i * 1000L, 0, out));
        }
        assertEquals(0, g.collect(1_000_000, 0, out));
        assertEquals(0, g.missingCount());
        assertEquals(1, g.abandonedTotal());
    }

    @Test
    void aHugeJumpAsksForAKeyFrameInsteadOfNacks() {
        NackGenerator g = new NackGenerator();
        g.onPacket(1);
        assertTrue(g.onPacket(1 + NackGenerator.MAX_GAP + 2));
        assertEquals(0, g.missingCount());
        assertFalse(g.onPacket(1 + NackGenerator.MAX_GAP + 3));
    }

    @Test
    void duplicatesAndOldPacketsAreIgnored() {
        NackGenerator g = new NackGenerator();
        g.onPacket(10);
        g.onPacket(10);
        g.onPacket(5);
        assertEquals(0, g.missingCount());
    }
}
