package dev.sfu.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SrtpCountersTest {
    @Test
    void countsEachOutcomeSeparately() {
        SrtpCounters counters = new SrtpCounters();
        counters.countProtected();
        counters.countProtected();
        counters.countUnprotected();
        counters.countAuthFailure();
        counters.countReplayDrop();
        counters.countReplayDrop();
        counters.countOtherDrop();

        assertEquals(2, counters.protectedPackets());
        assertEquals(1, counters.unprotectedPackets());
        assertEquals(1, counters.authFailures());
        assertEquals(2, counters.replayDrops());
        assertEquals(1, counters.otherDrops());
        assertTrue(counters.toString().contains("replayDrops=2"));
    }
}
