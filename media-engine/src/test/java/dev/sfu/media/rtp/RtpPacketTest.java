package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpPacketTest {
    private final RtpPacket rtp = new RtpPacket();

    @Test
    void readsTheHeaderOfAChromeOpusPacket() {
        assertTrue(rtp.wrap(PacketFixtures.buffer("opus-audio-level-mid.hex")));
        assertEquals(111, rtp.payloadType());
        assertFalse(rtp.marker());
        assertEquals(0x1a2b, rtp.sequenceNumber());
        assertEquals(123456, rtp.timestamp());
        assertEquals(0x5e2c8a11L, rtp.ssrc());
        assertEquals(28, rtp.headerLength());
        assertEquals(32, rtp.payloadLength());
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, rtp.extensionProfile());
    }

    @Test
    void findsOneByteExtensionsById() {
        assertTrue(rtp.wrap(PacketFixtures.buffer("opus-audio-level-mid.hex")));
        assertEquals(1, rtp.extensionValueLength(1));
        assertEquals(0xa5, rtp.buffer().getUnsignedByte(rtp.extensionValueOffset(1)));
        assertEquals(3, rtp.extensionValueLength(2));
        assertEquals(0x009b, rtp.buffer().getUnsignedShort(rtp.extensionValueOffset(3)));
        assertEquals("0", rtp.extensionString(4));
        assertEquals(-1, rtp.extensionValueOffset(5));
        assertNull(rtp.extensionString(14));
    }

    @Test
    void findsTwoByteExtensionsById() {
        assertTrue(rtp.wrap(PacketFixtures.buffer("two-byte-extensions.hex")));
        assertEquals(0x1000, rtp.extensionProfile());
        assertEquals("0", rtp.extensionString(9));
        assertEquals(33, rtp.extensionValueLength(13));
        assertEquals(0xc0, rtp.buffer().getUnsignedByte(rtp.extensionValueOffset(13)));
        assertEquals(0x0002, rtp.buffer().getUnsignedShort(rtp.extensionValueOffset(4)));
        assertEquals(12 + 4 + 68, rtp.headerLength());
        assertEquals(12, rtp.payloadLength());
    }

    @Test
    void writesHeaderFieldsInPlace() {
        PacketBuffer p = PacketFixtures.buffer("vp8-keyframe-abs-send-time-tcc.hex");
        assertTrue(rtp.wrap(p));
        rtp.setSsrc(0xCAFEBABEL);
        rtp.setPayloadType(101);
        rtp.setSequenceNumber(65535);
        rtp.setTimestamp(0xFFFFFFFFL);
        rtp.setMarker(true);
        RtpPacket again = new RtpPacket();
        assertTrue(again.wrap(p));
        assertEquals(0xCAFEBABEL, again.ssrc());
        assertEquals(101, again.payloadType());
        assertTrue(again.marker());
        assertEquals(65535, again.sequenceNumber());
        assertEquals(0xFFFFFFFFL, again.timestamp());
        assertEquals("1", again.extensionString(9));
    }

    @Test
    void accountsForCsrcsAndPadding() {
        byte[] b = PacketFixtures.hex("a2 60 00 01 00 00 00 02 00 00 00 03 00 00 00 0a 00 00 00 0b aa bb cc 00 00 03");
        assertTrue(rtp.wrap(PacketBuffer.wrap(b, 0, b.length)));
        assertEquals(2, rtp.csrcCount());
        assertEquals(20, rtp.headerLength());
        assertEquals(3, rtp.paddingLength());
        assertEquals(3, rtp.payloadLength());
        rtp.removePadding();
        assertEquals(23, rtp.buffer().getLength());
        assertTrue(rtp.wrap(rtp.buffer()));
        assertEquals(0, rtp.paddingLength());
    }

    @Test
    void rejectsInvalidHeaders() {
        assertFalse(wrapHex("90 60 00 01 00 00 00 02 00 00 00"));                 // shorter than 12
        assertFalse(wrapHex("50 60 00 01 00 00 00 02 00 00 00 03"));              // version 1
        assertFalse(wrapHex("81 60 00 01 00 00 00 02 00 00 00 03"));              // CSRC past the end
        assertFalse(wrapHex("90 60 00 01 00 00 00 02 00 00 00 03 be de"));        // truncated extension header
        assertFalse(wrapHex("90 60 00 01 00 00 00 02 00 00 00 03 be de 00 02 10 00 00 00")); // extension too long
        assertFalse(wrapHex("a0 60 00 01 00 00 00 02 00 00 00 03 aa 00"));        // padding count 0
        assertFalse(wrapHex("a0 60 00 01 00 00 00 02 00 00 00 03 aa 09"));        // padding past the header
        assertTrue(wrapHex("80 60 00 01 00 00 00 02 00 00 00 03"));               // empty payload is valid
    }

    @Test
    void truncatedAndRandomBytesNeverThrow() {
        Random random = new Random(42);
        byte[] real = PacketFixtures.bytes("two-byte-extensions.hex");
        for (int len = 0; len <= real.length; len++) {
            exercise(Arrays.copyOf(real, len));
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(80)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) (0x80 | (b[0] & 0x3F));      // mostly version 2, to get past the first check
            }
            if (b.length > 13 && random.nextBoolean()) {
                b[12] = (byte) 0xBE;
                b[13] = (byte) 0xDE;
            }
            exercise(b);
        }
    }

    private void exercise(byte[] b) {
        PacketBuffer p = PacketBuffer.wrap(b, 0, b.length);
        if (rtp.wrap(p)) {
            for (int id = 0; id < 256; id += 5) {
                rtp.extensionValueOffset(id);
                rtp.extensionString(id);
            }
            assertTrue(rtp.payloadLength() >= 0);
            new HeaderExtensionIdMap().put(1, 2).put(3, 14).apply(rtp);
        }
    }

    private boolean wrapHex(String hex) {
        byte[] b = PacketFixtures.hex(hex);
        return rtp.wrap(PacketBuffer.wrap(b, 0, b.length));
    }
}
