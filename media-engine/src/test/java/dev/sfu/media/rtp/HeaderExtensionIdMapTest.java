package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderExtensionIdMapTest {

    @Test
    void remapsOneByteIdsAndBlanksUnknownOnes() {
        PacketBuffer p = PacketFixtures.buffer("vp8-keyframe-abs-send-time-tcc.hex");
        int length = p.getLength();
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(p));
        // Chrome ids (2 abs-send-time, 4 transport-cc, 9 mid) -> router ids (2, 3, 4); transport-cc dropped here
        new HeaderExtensionIdMap().put(2, 2).put(9, 4).apply(rtp);
        assertTrue(rtp.wrap(p));
        assertEquals(length, p.getLength());
        assertEquals("1", rtp.extensionString(4));
        assertEquals(-1, rtp.extensionValueOffset(9));
        assertEquals(-1, rtp.extensionValueOffset(3));
        assertEquals(0xf34350, (rtp.buffer().getUnsignedByte(rtp.extensionValueOffset(2)) << 16)
                | rtp.buffer().getUnsignedShort(rtp.extensionValueOffset(2) + 1));
        assertEquals(0x90, p.getUnsignedByte(rtp.payloadOffset()), "payload untouched");
    }

    @Test
    void remapsTwoByteIds() {
        PacketBuffer p = PacketFixtures.buffer("two-byte-extensions.hex");
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(p));
        new HeaderExtensionIdMap().put(9, 4).put(13, 200).put(2, 2).apply(rtp);
        assertTrue(rtp.wrap(p));
        assertEquals("0", rtp.extensionString(4));
        assertEquals(33, rtp.extensionValueLength(200));
        assertEquals(3, rtp.extensionValueLength(2));
        assertEquals(-1, rtp.extensionValueLength(7));
        assertEquals(-1, rtp.extensionValueLength(9));
        assertNull(rtp.extensionString(3));
    }

    @Test
    void oneByteElementsCannotTakeIdsAbove14() {
        PacketBuffer p = PacketFixtures.buffer("opus-audio-level-mid.hex");
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(p));
        new HeaderExtensionIdMap().put(4, 20).put(1, 1).apply(rtp);
        assertTrue(rtp.wrap(p));
        assertEquals(-1, rtp.extensionValueOffset(4));
        assertEquals(1, rtp.extensionValueLength(1));
    }

    @Test
    void rejectsIdsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new HeaderExtensionIdMap().put(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HeaderExtensionIdMap().put(1, 256));
    }
}
