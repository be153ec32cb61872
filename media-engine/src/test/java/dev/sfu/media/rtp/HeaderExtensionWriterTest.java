package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderExtensionWriterTest {

    private static byte[] payload(RtpPacket p) {
        byte[] all = p.buffer().toByteArray();
        return Arrays.copyOfRange(all, p.payloadOffset(), p.payloadOffset() + p.payloadLength());
    }

    @Test
    void overwritesAValueOfTheSameLengthInPlace() {
        PacketBuffer p = PacketFixtures.buffer("opus-audio-level-mid.hex");
        RtpPacket rtp = new RtpPacket();
        rtp.wrap(p);
        int length = p.getLength();
        assertTrue(HeaderExtensionWriter.set(rtp, 4, "7".getBytes(StandardCharsets.UTF_8)));
        assertEquals("7", rtp.extensionString(4));
        assertEquals(length, p.getLength());
    }

    @Test
    void growsTheBlockForALongerValueAndKeepsThePayload() {
        PacketBuffer p = PacketFixtures.buffer("opus-audio-level-mid.hex");
        RtpPacket rtp = new RtpPacket();
        rtp.wrap(p);
        byte[] before = payload(rtp);
        assertTrue(HeaderExtensionWriter.set(rtp, 4, "12345".getBytes(StandardCharsets.UTF_8)));
        assertEquals("12345", rtp.extensionString(4));
        assertEquals(0xa5, p.getUnsignedByte(rtp.extensionValueOffset(1)), "other elements intact");
        assertEquals(3, rtp.extensionValueLength(2));
        assertArrayEquals(before, payload(rtp));
        assertEquals(0, (rtp.headerLength() - 16) % 4);
    }

    @Test
    void usesTrailingPaddingWhenThereIsRoom() {
        PacketBuffer p = PacketFixtures.buffer("vp8-keyframe-abs-send-time-tcc.hex");   // 3 padding bytes at the end
        RtpPacket rtp = new RtpPacket();
        rtp.wrap(p);
        int length = p.getLength();
        assertTrue(HeaderExtensionWriter.set(rtp, 9, "ab".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ab", rtp.extensionString(9));
        assertEquals(length, p.getLength());
    }

    @Test
    void addsAnExtensionBlockWhenThereIsNone() {
        byte[] b = PacketFixtures.hex("a1 60 00 01 00 00 00 02 00 00 00 03 00 00 00 09 aa bb cc 00 02");
        PacketBuffer p = new PacketBuffer().copyFrom(b, 0, b.length);
        RtpPacket rtp = new RtpPacket();
        assertTrue(rtp.wrap(p));
        assertTrue(HeaderExtensionWriter.set(rtp, 4, "3".getBytes(StandardCharsets.UTF_8)));
        assertTrue(rtp.hasExtension());
        assertEquals("3", rtp.extensionString(4));
        assertEquals(1, rtp.csrcCount());
        assertEquals(2, rtp.paddingLength());
        assertArrayEquals(new byte[] {(byte) 0xaa, (byte) 0xbb, (byte) 0xcc}, payload(rtp));
    }

    @Test
    void worksOnTwoByteBlocks() {
        PacketBuffer p = PacketFixtures.buffer("two-byte-extensions.hex");
        RtpPacket rtp = new RtpPacket();
        rtp.wrap(p);
        byte[] before = payload(rtp);
        assertTrue(HeaderExtensionWriter.set(rtp, 9, "mid-42".getBytes(StandardCharsets.UTF_8)));
        assertEquals("mid-42", rtp.extensionString(9));
        assertEquals(33, rtp.extensionValueLength(13));
        assertArrayEquals(before, payload(rtp));
    }

    @Test
    void refusesWhatTheFormCannotCarry() {
        PacketBuffer p = PacketFixtures.buffer("opus-audio-level-mid.hex");
        RtpPacket rtp = new RtpPacket();
        rtp.wrap(p);
        assertFalse(HeaderExtensionWriter.set(rtp, 15, new byte[] {1}));
        assertFalse(HeaderExtensionWriter.set(rtp, 4, new byte[17]));
        assertFalse(HeaderExtensionWriter.set(rtp, 4, new byte[0]));
    }
}
