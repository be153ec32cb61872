package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SequenceTrackerTest {

    @Test
    void aGapIsLossAcrossTheWrap() {
        SequenceTracker t = new SequenceTracker();
        t.onPacket(65_534);
        t.onPacket(65_535);
        t.onPacket(1); // 0 lost

        assertEquals(3, t.received());
        assertEquals(4, t.expected());
    }

    @Test
    void lateAndReorderedPacketsAreNotLoss() {
        SequenceTracker t = new SequenceTracker();
        t.onPacket(10);
        t.onPacket(12);
        t.onPacket(11);

        assertEquals(3, t.received());
        assertEquals(3, t.expected());
    }

    @Test
    void nothingReceivedExpectsNothing() {
        assertEquals(0, new SequenceTracker().expected());
    }
}
