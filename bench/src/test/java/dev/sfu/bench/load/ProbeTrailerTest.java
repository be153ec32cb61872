package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeTrailerTest {

    @Test
    void theSendTimeAndChecksumSurviveAndAFlippedBitIsCaught() {
        byte[] packet = new byte[12 + 100];
        PayloadFill.copy(3, packet, 12, 84);
        new ProbeTrailer().write(packet, 12, 100, 0x0102030405060708L);

        assertTrue(ProbeTrailer.present(packet, 12, 100));
        assertEquals(0x0102030405060708L, ProbeTrailer.sendNanos(packet, 12, 100));
        assertTrue(new ProbeTrailer().checksumMatches(packet, 12, 100));

        packet[40] ^= 0x04;
        assertFalse(new ProbeTrailer().checksumMatches(packet, 12, 100));
    }

    @Test
    void aPayloadWithoutTheMagicWordHasNoTrailer() {
        assertFalse(ProbeTrailer.present(new byte[40], 12, 28));
        assertFalse(ProbeTrailer.present(new byte[20], 12, 8));
    }
}
