package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByeTest {

    @Test
    void roundTrips() {
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        new Bye(List.of(0x8d3814e5L, 2L)).writeTo(out, 0);
        assertArrayEquals(PacketFixtures.hex("82 cb 00 02 8d 38 14 e5 00 00 00 02"), out.toByteArray());
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        assertTrue(r.next());
        assertEquals(List.of(0x8d3814e5L, 2L), Bye.parse(r).ssrcs());
    }
}
