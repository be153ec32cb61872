package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceDescriptionTest {

    @Test
    void parsesTheChromeCname() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("chrome-rr-sdes.hex"));
        r.next();
        assertTrue(r.next());
        assertEquals(new SourceDescription(List.of(new SourceDescription.Chunk(1, "ydoU8QrBBjvFVe2p"))),
                SourceDescription.parse(r));
    }

    @Test
    void writesTheSameBytesAndPadsToAWord() {
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        int end = new SourceDescription(List.of(new SourceDescription.Chunk(1, "ydoU8QrBBjvFVe2p"))).writeTo(out, 0);
        byte[] fixture = PacketFixtures.bytes("chrome-rr-sdes.hex");
        assertArrayEquals(Arrays.copyOfRange(fixture, 32, 60), out.toByteArray());
        assertEquals(28, end);
        out.setLength(0);
        assertEquals(16, new SourceDescription(List.of(new SourceDescription.Chunk(9, "ab"))).writeTo(out, 0));
    }

    @Test
    void rejectsAnItemRunningPastTheEnd() {
        byte[] b = PacketFixtures.hex("81 ca 00 02 00 00 00 01 01 10 61 62");
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(b, 0, b.length));
        assertTrue(r.next());
        assertNull(SourceDescription.parse(r));
    }
}
