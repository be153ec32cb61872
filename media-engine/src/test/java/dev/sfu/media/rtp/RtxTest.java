package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtxTest {

    @Test
    void encapsulatesWithTheOriginalSequenceNumberFirstAndDecapsulatesBack() {
        PacketBuffer original = PacketFixtures.buffer("vp8-keyframe-abs-send-time-tcc.hex");
        byte[] originalBytes = original.toByteArray();
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(original));
        PacketBuffer out = new PacketBuffer();
        Rtx.encapsulate(rtp, out, 0x11223344L, 97, 500);

        RtpPacket rtx = new RtpPacket();
        assertTrue(rtx.wrap(out));
        assertEquals(0x11223344L, rtx.ssrc());
        assertEquals(97, rtx.payloadType());
        assertEquals(500, rtx.sequenceNumber());
        assertEquals(rtp.timestamp(), rtx.timestamp());
        assertEquals(6751, out.getUnsignedShort(rtx.payloadOffset()), "OSN");
        assertEquals(rtp.payloadLength() + 2, rtx.payloadLength());
        assertEquals("1", rtx.extensionString(9), "header extensions travel along");

        assertTrue(Rtx.decapsulate(rtx, 0xf7b16e83L, 96));
        assertArrayEquals(originalBytes, out.toByteArray());
    }

    @Test
    void dropsOriginalPaddingWhenEncapsulating() {
        byte[] b = PacketFixtures.hex("a0 60 00 07 00 00 00 09 00 00 00 05 aa bb 00 00 00 04");
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(PacketBuffer.wrap(b, 0, b.length)));
        PacketBuffer out = new PacketBuffer();
        Rtx.encapsulate(rtp, out, 6, 97, 1);
        assertArrayEquals(PacketFixtures.hex("80 61 00 01 00 00 00 09 00 00 00 06 00 07 aa bb"), out.toByteArray());
    }

    @Test
    void refusesPaddingOnlyProbes() {
        byte[] probe = new byte[12 + 200];
        probe[0] = (byte) 0xA0;
        probe[1] = 97;
        probe[probe.length - 1] = (byte) 200;
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(PacketBuffer.wrap(probe, 0, probe.length)));
        assertFalse(Rtx.decapsulate(rtp, 1, 96));
        byte[] empty = Arrays.copyOf(PacketFixtures.hex("80 61 00 01 00 00 00 09 00 00 00 06 00 07"), 14);
        assertTrue(rtp.wrap(PacketBuffer.wrap(empty, 0, empty.length)));
        assertFalse(Rtx.decapsulate(rtp, 1, 96), "only an OSN, no payload");
    }
}
