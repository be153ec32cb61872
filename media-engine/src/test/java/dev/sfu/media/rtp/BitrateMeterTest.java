package dev.sfu.media.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BitrateMeterTest {

    @Test
    void measuresOverASlidingSecond() {
        BitrateMeter m = new BitrateMeter();
        for (int t = 0; t < 1000; t += 10) {
            m.add(125, t);                          // 12 500 bytes per second = 100 kbps
        }
        assertEquals(100_000, m.bitsPerSecond(999));
        assertEquals(50_000, m.bitsPerSecond(1499), 1000);
        assertEquals(0, m.bitsPerSecond(5000));
    }
}
