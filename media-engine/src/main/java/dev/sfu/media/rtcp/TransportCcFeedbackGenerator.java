package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

import java.util.Arrays;

/**
 * Receiver side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01): records
 * when each transport-wide sequence number arrived and writes the feedback packets (RTPFB, FMT 15) the sender's
 * bandwidth estimator needs. A browser that negotiated transport-cc and hears no feedback assumes congestion and
 * sends video at its minimum bitrate.
 *
 * <p>Each feedback covers the sequence numbers from the first one not yet reported to the highest one seen; its
 * statuses are two-bit status vector chunks (7 packets each: not received, small delta, large delta) and its
 * arrival deltas count 250 us. Arrival times have millisecond resolution.
 */
public final class TransportCcFeedbackGenerator {
    /** Sequence numbers remembered and reported at most per feedback (keeps one packet well under the MTU). */
    static final int WINDOW = 1024;
    static final int MAX_PER_FEEDBACK = 400;
    private static final int FIXED_LENGTH = 20;
    private static final int SYMBOLS_PER_CHUNK = 7;
    private static final int NOT_RECEIVED = 0;
    private static final int SMALL_DELTA = 1;
    private static final int LARGE_DELTA = 2;

    private final long[] arrivalMillis = new long[WINDOW];
    private final long[] sequenceAt = new long[WINDOW];
    private final int[] symbols = new int[MAX_PER_FEEDBACK];
    private final int[] deltas = new int[MAX_PER_FEEDBACK];
    /** Extended (unwrapped) sequence numbers: next one to report, highest seen; -1 before the first packet. */
    private long nextToReport = -1;
    private long highest = -1;
    private int feedbackCount;
    private long feedbacksWritten;

    public TransportCcFeedbackGenerator() {
        Arrays.fill(sequenceAt, -1);
    }

    /** One packet carrying transport-wide sequence number {@code sequence} arrived at {@code nowMillis}. */
    public void onPacket(int sequence, long nowMillis) {
        long extended = highest < 0 ? sequence : unwrap(sequence);
        if (highest < 0) {
            nextToReport = extended;
        }
        if (extended < nextToReport) {
            return;                                     // already reported (as lost): too late to matter
        }
        if (extended > highest) {
            highest = extended;
        }
        if (highest - nextToReport >= WINDOW) {
            nextToReport = highest - WINDOW + 1;        // fell behind: the oldest ones are never reported
        }
        int slot = (int) (extended % WINDOW);
        sequenceAt[slot] = extended;
        arrivalMillis[slot] = nowMillis;
    }

    /** True when packets arrived that no feedback reported yet. */
    public boolean hasPending() {
        return highest >= 0 && highest >= nextToReport;
    }

    public long feedbacksWritten() { return feedbacksWritten; }

    /**
     * Writes one feedback packet at {@code out}'s offset 0 (setting its length) about the pending packets, at most
     * {@link #MAX_PER_FEEDBACK} of them. Returns false (writing nothing) when none is pending.
     */
    public boolean write(PacketBuffer out, long senderSsrc, long mediaSsrc) {
        while (hasPending() && !received(nextToReport)) {
            nextToReport++;                            // a feedback starts with a received packet (reference time)
        }
        if (!hasPending()) {
            return false;
        }
        long base = nextToReport;
        int count = (int) Math.min(highest - base + 1, MAX_PER_FEEDBACK);
        long referenceTime = arrivalMillis[slot(base)] / 64;
        long previousMillis = referenceTime * 64;
        int deltaBytes = 0;
        for (int i = 0; i < count; i++) {
            long seq = base + i;
            if (!received(seq)) {
                symbols[i] = NOT_RECEIVED;
                continue;
            }
            long arrival = arrivalMillis[slot(seq)];
            int delta = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, (arrival - previousMillis) * 4));
            symbols[i] = delta >= 0 && delta <= 0xFF ? SMALL_DELTA : LARGE_DELTA;
            deltas[i] = delta;
            deltaBytes += symbols[i] == SMALL_DELTA ? 1 : 2;
            previousMillis = arrival;
        }
        int chunks = (count + SYMBOLS_PER_CHUNK - 1) / SYMBOLS_PER_CHUNK;
        int unpadded = FIXED_LENGTH + chunks * 2 + deltaBytes;
        int length = (unpadded + 3) & ~3;
        out.setLength(0);
        out.grow(length);
        out.setLength(length);
        RtcpHeader.write(out, 0, RtcpHeader.FMT_TRANSPORT_CC, RtcpHeader.PT_RTPFB, length);
        out.setInt(4, senderSsrc);
        out.setInt(8, mediaSsrc);
        out.setShort(12, (int) (base & 0xFFFF));
        out.setShort(14, count);
        out.setByte(16, (int) (referenceTime >>> 16) & 0xFF);
        out.setByte(17, (int) (referenceTime >>> 8) & 0xFF);
        out.setByte(18, (int) referenceTime & 0xFF);
        out.setByte(19, feedbackCount & 0xFF);
        int at = FIXED_LENGTH;
        for (int c = 0; c < chunks; c++) {
            int chunk = 0xC000;                          // status vector chunk (T=1) of two-bit symbols (S=1)
            for (int s = 0; s < SYMBOLS_PER_CHUNK; s++) {
                int i = c * SYMBOLS_PER_CHUNK + s;
                int symbol = i < count ? symbols[i] : NOT_RECEIVED;
                chunk |= symbol << (2 * (SYMBOLS_PER_CHUNK - 1 - s));
            }
            out.setShort(at, chunk);
            at += 2;
        }
        for (int i = 0; i < count; i++) {
            if (symbols[i] == SMALL_DELTA) {
                out.setByte(at++, deltas[i]);
            } else if (symbols[i] == LARGE_DELTA) {
                out.setShort(at, deltas[i] & 0xFFFF);
                at += 2;
            }
        }
        while (at < length) {
            out.setByte(at++, 0);
        }
        feedbackCount++;
        feedbacksWritten++;
        nextToReport = base + count;
        return true;
    }

    private boolean received(long extended) {
        return sequenceAt[slot(extended)] == extended;
    }

    private static int slot(long extended) {
        return (int) (extended % WINDOW);
    }

    /** The extended sequence number closest to the highest one seen. */
    private long unwrap(int sequence) {
        long candidate = (highest & ~0xFFFFL) | sequence;
        if (candidate - highest > 0x8000) {
            candidate -= 0x10000;
        } else if (highest - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }
}
