package dev.sfu.media.rtp;

/**
 * What we measure about a stream we receive (RFC 3550 appendix A.3 and A.8): packets, bytes, bitrate,
 * expected vs received packets, interarrival jitter, and what we need to fill a Receiver Report block.
 */
public final class ReceiveStreamStatistics {
    private final int clockRate;
    private final BitrateMeter bitrate = new BitrateMeter();

    private long packets;
    private long bytes;
    private boolean started;
    private int baseSeq;
    private int maxSeq;
    private long cycles;
    private long expectedPrior;
    private long receivedPrior;
    private long receivedForLoss;
    private int lastFractionLost;
    /** Jitter in RTP timestamp units, scaled by 16 as in appendix A.8's integer form. */
    private long jitterQ4;
    private long lastTransit;
    private boolean haveTransit;

    public ReceiveStreamStatistics(int clockRate) {
        this.clockRate = Math.max(1, clockRate);
    }

    /** Counts one packet; retransmissions count as received but are left out of the jitter estimate. */
    public void onPacket(int seq, long rtpTimestamp, int size, long arrivalMillis, boolean retransmission) {
        packets++;
        bytes += size;
        bitrate.add(size, arrivalMillis);
        receivedForLoss++;
        if (!started) {
            started = true;
            baseSeq = seq;
            maxSeq = seq;
        } else if (SeqNum.isNewer(seq, maxSeq)) {
            if (seq < maxSeq) {
                cycles += 1 << 16;
            }
            maxSeq = seq;
        }
        if (!retransmission) {
            long arrivalRtp = arrivalMillis * clockRate / 1000;
            long transit = arrivalRtp - rtpTimestamp;
            if (haveTransit) {
                long d = Math.abs(transit - lastTransit);
                // wrap-safe enough: a timestamp jump shows up as one large sample, then decays
                if (d < (1L << 31)) {
                    jitterQ4 += d - ((jitterQ4 + 8) >> 4);
                }
            }
            lastTransit = transit;
            haveTransit = true;
        }
    }

    public long extendedHighestSeq() {
        return cycles + maxSeq;
    }

    public long expected() {
        return started ? extendedHighestSeq() - baseSeq + 1 : 0;
    }

    /** Cumulative packets lost (may be negative with duplicates, clamped to the 24-bit signed range). */
    public long cumulativeLost() {
        long lost = expected() - receivedForLoss;
        return Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /** Computes the fraction lost since the previous call, in 1/256 units, as a report block carries it. */
    public int takeFractionLost() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = receivedForLoss - receivedPrior;
        expectedPrior = expected;
        receivedPrior = receivedForLoss;
        long lostInterval = expectedInterval - receivedInterval;
        lastFractionLost = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        return lastFractionLost;
    }

    public long jitterRtpUnits() {
        return jitterQ4 >> 4;
    }

    public boolean started() { return started; }
    public long packets() { return packets; }
    public long bytes() { return bytes; }
    public long bitrateBps(long nowMillis) { return bitrate.bitsPerSecond(nowMillis); }
    public int lastFractionLost() { return lastFractionLost; }
    public double jitterMillis() { return jitterRtpUnits() * 1000.0 / clockRate; }
}
