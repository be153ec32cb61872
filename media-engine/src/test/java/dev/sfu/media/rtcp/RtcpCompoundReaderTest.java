package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtcpCompoundReaderTest {
    private static final String[] FIXTURES = {"chrome-rr-sdes.hex", "chrome-sr-sdes.hex", "pli.hex", "fir.hex",
            "nack.hex", "remb.hex", "transport-cc.hex"};

    @Test
    void walksAChromeCompoundPacket() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("chrome-rr-sdes.hex"));
        assertTrue(r.next());
        assertEquals(RtcpHeader.PT_RR, r.packetType());
        assertEquals(1, r.countOrFormat());
        assertEquals(0, r.offset());
        assertEquals(32, r.length());
        assertTrue(r.next());
        assertEquals(RtcpHeader.PT_SDES, r.packetType());
        assertEquals(32, r.offset());
        assertFalse(r.next());
        assertFalse(r.malformed());
    }

    @Test
    void excludesPaddingFromTheLength() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("transport-cc.hex"));
        assertTrue(r.next());
        assertEquals(31, r.length());
    }

    @Test
    void stopsAtTruncatedOrBadPackets() {
        byte[] compound = PacketFixtures.bytes("chrome-rr-sdes.hex");
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(compound, 0, compound.length - 1));
        assertTrue(r.next());
        assertFalse(r.next());
        assertTrue(r.malformed());
        byte[] badVersion = PacketFixtures.bytes("pli.hex");
        badVersion[0] = 0x41;
        assertFalse(RtcpCompoundReader.isValidCompound(PacketBuffer.wrap(badVersion, 0, badVersion.length)));
        assertFalse(RtcpCompoundReader.isValidCompound(PacketBuffer.wrap(new byte[0], 0, 0)));
        for (String name : FIXTURES) {
            assertTrue(RtcpCompoundReader.isValidCompound(PacketFixtures.buffer(name)), name);
        }
    }

    /** Property: every parser, fed truncated fixtures and random bytes, answers null/false and never throws. */
    @Test
    void truncatedAndRandomBytesNeverThrowFromAnyParser() {
        List<byte[]> inputs = new ArrayList<>();
        for (String name : FIXTURES) {
            byte[] real = PacketFixtures.bytes(name);
            for (int len = 0; len <= real.length; len++) {
                inputs.add(Arrays.copyOf(real, len));
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(96)];
            random.nextBytes(b);
            for (int o = 0; o + 4 <= b.length && random.nextInt(3) > 0; o += 4 * (1 + random.nextInt(6))) {
                b[o] = (byte) (0x80 | (b[o] & 0x3F));          // plausible headers so parsers get exercised
                b[o + 1] = (byte) (200 + random.nextInt(7));
                b[o + 2] = 0;
                b[o + 3] = (byte) random.nextInt(8);
            }
            inputs.add(b);
        }
        int[] seqs = new int[1024];
        for (byte[] b : inputs) {
            RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(b, 0, b.length));
            while (r.next()) {
                SenderReport.parse(r);
                ReceiverReport.parse(r);
                SourceDescription.parse(r);
                Bye.parse(r);
                Pli.parse(r);
                Fir.parse(r);
                Remb.parse(r);
                TransportCcFeedback.parse(r);
                if (GenericNack.is(r)) {
                    GenericNack.lostSequenceNumbers(r, seqs);
                }
            }
        }
    }
}
