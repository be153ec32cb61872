package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenericNackTest {

    @Test
    void expandsPidAndBitmask() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("nack.hex"));
        assertTrue(r.next());
        assertTrue(GenericNack.is(r));
        assertEquals(1, GenericNack.senderSsrc(r));
        assertEquals(0x8d3814e5L, GenericNack.mediaSsrc(r));
        int[] out = new int[32];
        int n = GenericNack.lostSequenceNumbers(r, out);
        assertArrayEquals(new int[] {0x61c5, 0x61c6, 0x61c8, 0x61e0}, Arrays.copyOf(out, n));
    }

    @Test
    void packsSequenceNumbersIntoTheSameBytes() {
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        int end = GenericNack.write(out, 0, 1, 0x8d3814e5L, new int[] {0x61c5, 0x61c6, 0x61c8, 0x61e0}, 4);
        assertEquals(20, end);
        assertArrayEquals(PacketFixtures.bytes("nack.hex"), out.toByteArray());
    }

    @Test
    void packsAcrossTheWrap() {
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        GenericNack.write(out, 0, 1, 2, new int[] {65535, 0, 16, 17}, 4);
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        assertTrue(r.next());
        int[] seqs = new int[32];
        int n = GenericNack.lostSequenceNumbers(r, seqs);
        assertArrayEquals(new int[] {65535, 0, 16, 17}, Arrays.copyOf(seqs, n));
        assertEquals(20, r.length(), "two FCI entries: 65535 (+0, +16), then 17");
    }
}
