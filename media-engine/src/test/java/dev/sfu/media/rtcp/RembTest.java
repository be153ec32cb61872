package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RembTest {

    @Test
    void parsesTheBitrate() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("remb.hex"));
        assertTrue(r.next());
        assertEquals(new Remb(1, 1_280_000, List.of(0xdd586eb6L)), Remb.parse(r));
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        new Remb(1, 1_280_000, List.of(0xdd586eb6L)).writeTo(out, 0);
        assertArrayEquals(PacketFixtures.bytes("remb.hex"), out.toByteArray());
    }

    @Test
    void ignoresOtherApplicationFeedback() {
        byte[] b = PacketFixtures.bytes("remb.hex");
        b[12] = 'X';
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(b, 0, b.length));
        assertTrue(r.next());
        assertNull(Remb.parse(r));
    }
}
