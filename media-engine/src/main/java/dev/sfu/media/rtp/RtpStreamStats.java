package dev.sfu.media.rtp;

/**
 * A snapshot of one RTP stream's counters. For a received stream loss and jitter are measured here; for a
 * sent stream they are what the remote reported in its last Receiver Report. {@code rttMillis} is -1 until
 * known; {@code fractionLost} is 0..1.
 */
public record RtpStreamStats(
        long ssrc,
        String rid,
        long packets,
        long bytes,
        long bitrateBps,
        long packetsLost,
        double fractionLost,
        double jitterMillis,
        double rttMillis,
        long nacks,
        long retransmissions,
        long keyFrameRequests) {
}
