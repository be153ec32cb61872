package dev.sfu.media.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeqNumTest {

    @Test
    void comparesAcrossTheWrap() {
        assertTrue(SeqNum.isNewer(0, 65535));
        assertFalse(SeqNum.isNewer(65535, 0));
        assertFalse(SeqNum.isNewer(7, 7));
        assertEquals(2, SeqNum.forwardDistance(65535, 1));
        assertEquals(65535, SeqNum.add(0, -1));
    }
}
