package dev.sfu.media.rtp;

/**
 * What we know about a stream we send: our own packet/byte counters and bitrate, plus the loss, jitter and
 * round-trip time the receiver reports in its Receiver Reports (RTT from LSR/DLSR, RFC 3550 section 6.4.1).
 */
public final class SendStreamStatistics {
    private final int clockRate;
    private final BitrateMeter bitrate = new BitrateMeter();

    private long packets;
    private long bytes;
    private long retransmissions;
    private long reportedLost;
    private int reportedFractionLost;
    private long reportedJitter;
    private double rttMillis = -1;

    public SendStreamStatistics(int clockRate) {
        this.clockRate = Math.max(1, clockRate);
    }

    public void onPacketSent(int size, long nowMillis) {
        packets++;
        bytes += size;
        bitrate.add(size, nowMillis);
    }

    public void onRetransmissionSent(int size, long nowMillis) {
        retransmissions++;
        bitrate.add(size, nowMillis);
    }

    /**
     * Takes in a report block about this stream. {@code lsr}/{@code dlsr} as carried (1/65536 s units);
     * {@code nowNtp} the full NTP time of arrival.
     */
    public void onReportBlock(int fractionLost, long cumulativeLost, long jitter, long lsr, long dlsr, long nowNtp) {
        reportedFractionLost = fractionLost;
        reportedLost = cumulativeLost;
        reportedJitter = jitter;
        if (lsr != 0) {
            long rtt = (NtpTime.middle32(nowNtp) - lsr - dlsr) & 0xFFFFFFFFL;
            if (rtt < 0x80000000L) {
                rttMillis = rtt * 1000.0 / 65536.0;
            }
        }
    }

    public long packets() { return packets; }
    public long bytes() { return bytes; }
    public long retransmissions() { return retransmissions; }
    public long bitrateBps(long nowMillis) { return bitrate.bitsPerSecond(nowMillis); }
    public long reportedLost() { return reportedLost; }
    public double reportedFractionLost() { return reportedFractionLost / 256.0; }
    public double reportedJitterMillis() { return reportedJitter * 1000.0 / clockRate; }
    public double rttMillis() { return rttMillis; }
}
