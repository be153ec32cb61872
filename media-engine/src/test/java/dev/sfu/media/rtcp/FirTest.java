package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirTest {

    @Test
    void parsesAndWritesAFir() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("fir.hex"));
        assertTrue(r.next());
        assertEquals(new Fir(1, 0x8d3814e5L, 7), Fir.parse(r));
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        new Fir(1, 0x8d3814e5L, 7).writeTo(out, 0);
        assertArrayEquals(PacketFixtures.bytes("fir.hex"), out.toByteArray());
    }
}
