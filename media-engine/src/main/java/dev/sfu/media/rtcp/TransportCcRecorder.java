package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Receive side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01):
 * remembers the arrival time of each transport-wide sequence number and writes the feedback packet that
 * reports them (status chunks + receive deltas) to the sender, whose bandwidth estimator needs it.
 *
 * <p>Only 2-bit status vector chunks are written (7 packets per chunk): simple and always valid. Arrival times
 * are whole milliseconds, so deltas are multiples of 4 x 250 us. A feedback covers everything since the
 * previous one; packets arriving after their range was reported are ignored.
 */
public final class TransportCcRecorder {
    private static final int WINDOW = 4096;
    private static final int MAX_PACKETS_PER_FEEDBACK = 400;
    private static final int FIXED = 20;

    private final long[] arrivalMillis = new long[WINDOW];
    private final long[] seqAtSlot = new long[WINDOW];
    private final long startMillis;
    private boolean started;
    /** Extended (no wrap) sequence numbers: next one to report, and the highest received. */
    private long nextToReport;
    private long highest;
    private int feedbackCount;

    public TransportCcRecorder(long startMillis) {
        this.startMillis = startMillis;
        java.util.Arrays.fill(seqAtSlot, -1);
    }

    public void onPacket(int transportSeq, long nowMillis) {
        long extended;
        if (!started) {
            started = true;
            extended = transportSeq;
            nextToReport = extended;
            highest = extended;
        } else {
            int delta = (short) (transportSeq - (int) (highest & 0xFFFF));   // signed distance from highest
            extended = highest + delta;
            if (extended < nextToReport) {
                return;                                    // its range was already reported
            }
            if (extended > highest) {
                highest = extended;
            }
            if (highest - nextToReport >= WINDOW) {
                nextToReport = highest - WINDOW + 1;       // fell too far behind: forget the oldest
            }
        }
        int slot = (int) (extended & (WINDOW - 1));
        seqAtSlot[slot] = extended;
        arrivalMillis[slot] = nowMillis;
    }

    public boolean hasPending() {
        return started && nextToReport <= highest;
    }

    /**
     * Writes one feedback packet at {@code offset} of {@code out} (sender/media SSRC as given) for the packets
     * not reported yet, and returns the offset after it, or {@code offset} when there is nothing to report.
     */
    public int writeFeedback(PacketBuffer out, int offset, long senderSsrc, long mediaSsrc) {
        // the first reported packet must have been received: its arrival is the reference time
        while (hasPending() && seqAtSlot[slot(nextToReport)] != nextToReport) {
            nextToReport++;
        }
        if (!hasPending()) {
            return offset;
        }
        long base = nextToReport;
        long referenceUnits = Math.max(0, (arrivalMillis[slot(base)] - startMillis) / 64);
        long previousMillis = startMillis + referenceUnits * 64;
        int count = (int) Math.min(highest - base + 1, MAX_PACKETS_PER_FEEDBACK);
        int chunks = (count + 6) / 7;
        int chunkStart = offset + FIXED;
        int deltaAt = chunkStart + 2 * chunks;
        RtcpHeader.ensureLength(out, deltaAt + 2 * count + 3);
        int reported = 0;
        for (int c = 0; c < chunks; c++) {
            int chunk = 0xC000;                           // T=1 (status vector), S=1 (two-bit symbols)
            for (int k = 0; k < 7; k++) {
                int symbol = 0;
                int index = c * 7 + k;
                if (index < count) {
                    long seq = base + index;
                    int slot = slot(seq);
                    if (seqAtSlot[slot] == seq) {
                        long delta = (arrivalMillis[slot] - previousMillis) * 4;     // 250 us units
                        if (delta >= 0 && delta <= 255) {
                            symbol = 1;
                            out.setByte(deltaAt++, (int) delta);
                        } else {
                            symbol = 2;
                            delta = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, delta));
                            out.setShort(deltaAt, (int) delta);
                            deltaAt += 2;
                        }
                        previousMillis = arrivalMillis[slot];
                    }
                    reported++;
                }
                chunk |= symbol << (2 * (6 - k));
            }
            out.setShort(chunkStart + 2 * c, chunk);
        }
        int end = (deltaAt + 3) & ~3;
        for (int i = deltaAt; i < end; i++) {
            out.setByte(i, 0);
        }
        int length = end - offset;
        if (end > deltaAt) {
            out.setByte(end - 1, end - deltaAt);          // RTCP padding: the last byte counts the padding
        }
        out.setByte(offset, 0x80 | (end > deltaAt ? 0x20 : 0) | RtcpHeader.FMT_TRANSPORT_CC);
        out.setByte(offset + 1, RtcpHeader.PT_RTPFB);
        out.setShort(offset + 2, length / 4 - 1);
        out.setInt(offset + 4, senderSsrc);
        out.setInt(offset + 8, mediaSsrc);
        out.setShort(offset + 12, (int) (base & 0xFFFF));
        out.setShort(offset + 14, reported);
        out.setByte(offset + 16, (int) (referenceUnits >>> 16));
        out.setShort(offset + 17, (int) referenceUnits);
        out.setByte(offset + 19, feedbackCount++);
        out.setLength(end);
        nextToReport = base + reported;
        return end;
    }

    private static int slot(long seq) {
        return (int) (seq & (WINDOW - 1));
    }
}
