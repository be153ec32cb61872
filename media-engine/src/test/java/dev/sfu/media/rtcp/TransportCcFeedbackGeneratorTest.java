package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportCcFeedbackGeneratorTest {
    private static final long T0 = 1_700_000_000_000L;
    /** The reference time counts 64 ms in 24 bits: decoded arrival times are modulo this. */
    private static final long REFERENCE_WRAP_MILLIS = 64L << 24;

    private final TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
    private final PacketBuffer out = new PacketBuffer();

    /** A feedback packet read back the way a sender does: arrival times (ms) per sequence number, null = lost. */
    private record Decoded(long senderSsrc, long mediaSsrc, int baseSequence, int feedbackCount, List<Long> arrivals) {}

    private Decoded decode() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        assertTrue(r.next(), "one RTCP packet");
        assertEquals(RtcpHeader.PT_RTPFB, r.packetType());
        assertEquals(RtcpHeader.FMT_TRANSPORT_CC, r.countOrFormat());
        assertEquals(out.getLength(), r.length(), "the whole buffer is the packet");
        assertEquals(0, r.length() % 4);
        TransportCcFeedback fixed = TransportCcFeedback.parse(r);
        int count = fixed.packetStatusCount();
        List<Integer> symbols = new ArrayList<>();
        int at = 20;
        while (symbols.size() < count) {
            int chunk = out.getUnsignedShort(at);
            at += 2;
            assertEquals(0xC000, chunk & 0xC000, "two-bit status vector chunk");
            for (int s = 6; s >= 0 && symbols.size() < count; s--) {
                symbols.add((chunk >>> (2 * s)) & 0x3);
            }
        }
        List<Long> arrivals = new ArrayList<>();
        long time = fixed.referenceTime() * 64 * 4;     // in 250 us units
        for (int symbol : symbols) {
            if (symbol == 0) {
                arrivals.add(null);
                continue;
            }
            int delta = symbol == 1 ? out.getUnsignedByte(at++) : (short) out.getUnsignedShort(at);
            if (symbol == 2) at += 2;
            time += delta;
            arrivals.add(time / 4);
        }
        assertTrue(at <= r.length() && r.length() - at < 4, "deltas end the packet, padded to 32 bits");
        return new Decoded(fixed.senderSsrc(), fixed.mediaSsrc(), fixed.baseSequenceNumber(), fixed.feedbackPacketCount(),
                arrivals);
    }

    /** Expected arrival times as a sender decodes them (modulo the reference time's range); null = lost. */
    private static List<Long> times(Long... millis) {
        List<Long> out = new ArrayList<>();
        for (Long m : millis) {
            out.add(m == null ? null : m % REFERENCE_WRAP_MILLIS);
        }
        return out;
    }

    @Test
    void nothingArrivedMeansNoFeedback() {
        assertFalse(generator.hasPending());
        assertFalse(generator.write(out, 1, 2));
    }

    @Test
    void reportsEachArrivalAndTheLostOnesThenOnlyWhatCameAfter() {
        generator.onPacket(100, T0 + 3);
        generator.onPacket(101, T0 + 5);
        generator.onPacket(103, T0 + 90);               // 102 lost; a gap beyond the one-byte delta range
        assertTrue(generator.write(out, 0x11111111L, 0x22222222L));
        Decoded first = decode();
        assertEquals(0x11111111L, first.senderSsrc());
        assertEquals(0x22222222L, first.mediaSsrc());
        assertEquals(100, first.baseSequence());
        assertEquals(0, first.feedbackCount());
        assertEquals(times(T0 + 3, T0 + 5, null, T0 + 90), first.arrivals());
        assertFalse(generator.hasPending());

        generator.onPacket(104, T0 + 120);
        assertTrue(generator.write(out, 1, 2));
        Decoded second = decode();
        assertEquals(104, second.baseSequence());
        assertEquals(1, second.feedbackCount());
        assertEquals(times(T0 + 120), second.arrivals());
    }

    @Test
    void aReorderedPacketGetsANegativeDelta() {
        generator.onPacket(10, T0 + 10);
        generator.onPacket(12, T0 + 11);
        generator.onPacket(11, T0 + 12);
        assertTrue(generator.write(out, 1, 2));
        assertEquals(times(T0 + 10, T0 + 12, T0 + 11), decode().arrivals());
    }

    @Test
    void sequenceNumbersWrapAround() {
        generator.onPacket(65534, T0);
        generator.onPacket(65535, T0 + 1);
        generator.onPacket(0, T0 + 2);
        generator.onPacket(1, T0 + 3);
        assertTrue(generator.write(out, 1, 2));
        Decoded decoded = decode();
        assertEquals(65534, decoded.baseSequence());
        assertEquals(times(T0, T0 + 1, T0 + 2, T0 + 3), decoded.arrivals());
    }

    @Test
    void aPacketArrivingAfterItWasReportedLostIsIgnored() {
        generator.onPacket(1, T0);
        generator.onPacket(3, T0 + 1);
        generator.write(out, 1, 2);
        generator.onPacket(2, T0 + 5);
        assertFalse(generator.hasPending());
    }

    @Test
    void manyPacketsSpreadOverSeveralFeedbacks() {
        int total = TransportCcFeedbackGenerator.MAX_PER_FEEDBACK + 50;
        for (int i = 0; i < total; i++) {
            generator.onPacket(i, T0 + i);
        }
        assertTrue(generator.write(out, 1, 2));
        Decoded first = decode();
        assertEquals(TransportCcFeedbackGenerator.MAX_PER_FEEDBACK, first.arrivals().size());
        assertTrue(generator.write(out, 1, 2));
        Decoded second = decode();
        assertEquals(TransportCcFeedbackGenerator.MAX_PER_FEEDBACK, second.baseSequence());
        assertEquals(50, second.arrivals().size());
        assertEquals(times(T0 + total - 1), second.arrivals().subList(49, 50));
        assertFalse(generator.write(out, 1, 2));
    }
}
