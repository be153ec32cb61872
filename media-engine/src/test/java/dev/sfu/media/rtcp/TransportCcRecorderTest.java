package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportCcRecorderTest {

    /** Decoded feedback: per reported packet its receive delta in 250 us units, or null when not received. */
    private static List<Integer> decode(PacketBuffer p) {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(p);
        assertTrue(r.next());
        TransportCcFeedback fb = TransportCcFeedback.parse(r);
        int count = fb.packetStatusCount();
        List<Integer> symbols = new ArrayList<>();
        int o = r.offset() + 20;
        while (symbols.size() < count) {
            int chunk = p.getUnsignedShort(o);
            o += 2;
            if ((chunk & 0x8000) == 0) {                         // run length
                int symbol = (chunk >>> 13) & 3;
                for (int i = 0; i < (chunk & 0x1FFF) && symbols.size() < count; i++) symbols.add(symbol);
            } else if ((chunk & 0x4000) == 0) {                  // 14 one-bit symbols
                for (int i = 13; i >= 0 && symbols.size() < count; i--) symbols.add((chunk >>> i) & 1);
            } else {                                             // 7 two-bit symbols
                for (int i = 6; i >= 0 && symbols.size() < count; i--) symbols.add((chunk >>> (2 * i)) & 3);
            }
        }
        List<Integer> deltas = new ArrayList<>();
        for (int symbol : symbols) {
            if (symbol == 0) {
                deltas.add(null);
            } else if (symbol == 1) {
                deltas.add(p.getUnsignedByte(o++));
            } else {
                deltas.add((int) (short) p.getUnsignedShort(o));
                o += 2;
            }
        }
        assertTrue(o <= r.offset() + r.length(), "deltas fit in the packet");
        return deltas;
    }

    @Test
    void theTestDecoderReadsChromesOwnFeedback() {
        List<Integer> deltas = decode(PacketFixtures.buffer("transport-cc.hex"));
        assertEquals(List.of(0x1c, 0x0c, 0x2c, 0x38, 0x00, 0x04, 0x00, 0x08, 0x18), deltas);
    }

    @Test
    void reportsArrivalsLossesAndReorderingAcrossTheWrap() {
        TransportCcRecorder rec = new TransportCcRecorder(1000);
        rec.onPacket(65534, 1100);
        rec.onPacket(65535, 1102);
        rec.onPacket(1, 1105);                                   // 0 is lost
        rec.onPacket(2, 1300);                                   // 195 ms later: large delta
        rec.onPacket(3, 1290);                                   // arrived before 2: negative delta
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        int end = rec.writeFeedback(out, 0, 11, 22);
        assertEquals(0, end % 4);
        assertTrue(RtcpCompoundReader.isValidCompound(out));
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        r.next();
        TransportCcFeedback fb = TransportCcFeedback.parse(r);
        assertEquals(11, fb.senderSsrc());
        assertEquals(22, fb.mediaSsrc());
        assertEquals(65534, fb.baseSequenceNumber());
        assertEquals(6, fb.packetStatusCount());
        assertEquals(1, fb.referenceTime(), "(1100 - 1000) / 64");
        assertEquals(0, fb.feedbackPacketCount());
        // reference = 1000 + 64 = 1064 ms; deltas in 250 us units
        assertEquals(java.util.Arrays.asList((1100 - 1064) * 4, 2 * 4, null, 3 * 4, 195 * 4, -10 * 4), decode(out));
        assertFalse(rec.hasPending());
        assertEquals(0, rec.writeFeedback(out, 0, 11, 22), "nothing new");
    }

    @Test
    void continuesWhereTheLastFeedbackStoppedAndIgnoresLateArrivals() {
        TransportCcRecorder rec = new TransportCcRecorder(0);
        rec.onPacket(10, 5);
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        rec.writeFeedback(out, 0, 1, 2);
        rec.onPacket(9, 6);                                      // already reported range
        rec.onPacket(11, 70);
        out.setLength(0);
        rec.writeFeedback(out, 0, 1, 2);
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        r.next();
        TransportCcFeedback fb = TransportCcFeedback.parse(r);
        assertEquals(11, fb.baseSequenceNumber());
        assertEquals(1, fb.packetStatusCount());
        assertEquals(1, fb.feedbackPacketCount());
        assertEquals(List.of((70 - 64) * 4), decode(out));
    }

    @Test
    void splitsLargeBacklogsAcrossFeedbacks() {
        TransportCcRecorder rec = new TransportCcRecorder(0);
        for (int seq = 0; seq < 1000; seq++) {
            rec.onPacket(seq, seq);
        }
        PacketBuffer out = new PacketBuffer();
        int total = 0;
        while (rec.hasPending()) {
            out.setLength(0);
            int end = rec.writeFeedback(out, 0, 1, 2);
            assertTrue(end <= 1200, "fits a datagram");
            total += decode(out).size();
        }
        assertEquals(1000, total);
    }
}
