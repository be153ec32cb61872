package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PliTest {

    @Test
    void parsesAndWritesAPli() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("pli.hex"));
        assertTrue(r.next());
        assertEquals(new Pli(1, 0x8d3814e5L), Pli.parse(r));
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        new Pli(1, 0x8d3814e5L).writeTo(out, 0);
        assertArrayEquals(PacketFixtures.bytes("pli.hex"), out.toByteArray());
    }

    @Test
    void isNotAFir() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("fir.hex"));
        assertTrue(r.next());
        assertNull(Pli.parse(r));
    }
}
