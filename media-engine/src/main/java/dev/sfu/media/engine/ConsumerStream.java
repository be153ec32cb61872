package dev.sfu.media.engine;

import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.RtpStreamRewriter;
import dev.sfu.media.rtp.RtpStreamStats;
import dev.sfu.media.rtp.SendStreamStatistics;

/**
 * One RTP stream a consumer sends: its SSRC (and RTX SSRC), the rewriting that keeps its sequence numbers and
 * timestamps continuous, its own RTX numbering, and what it sent and heard back in Receiver Reports.
 */
final class ConsumerStream {
    private final long ssrc;
    private final long rtxSsrc;
    private final RtpStreamRewriter rewriter;
    private final SendStreamStatistics statistics;
    private int rtxSeq = (int) (Math.random() * 0xFFFF);

    ConsumerStream(long ssrc, long rtxSsrc, int clockRate) {
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.rewriter = new RtpStreamRewriter(clockRate);
        this.statistics = new SendStreamStatistics(clockRate);
    }

    long ssrc() { return ssrc; }
    long rtxSsrc() { return rtxSsrc; }
    RtpStreamRewriter rewriter() { return rewriter; }
    SendStreamStatistics statistics() { return statistics; }

    int nextRtxSeq() {
        int seq = rtxSeq;
        rtxSeq = (rtxSeq + 1) & 0xFFFF;
        return seq;
    }

    /**
     * NTP and RTP time of "now" for a Sender Report. NTP is our wall clock (so the receiver's LSR/DLSR give us
     * RTT); the RTP time comes from the source's own SR mapping when known (so audio and video of one sender
     * stay in sync), else from the last packet sent. False when nothing was sent yet.
     */
    boolean senderReportTimes(ProducerStream source, long nowMillis, long[] ntpAndRtp) {
        if (!rewriter.started() || statistics.packets() == 0) {
            return false;
        }
        int clockRate = rewriter.clockRate();
        ntpAndRtp[0] = NtpTime.fromUnixMillis(nowMillis);
        if (source.haveSenderReport()) {
            long elapsed = nowMillis - source.senderReportReceivedAtMillis();
            ntpAndRtp[1] = rewriter.outputTimestamp(source.senderReportRtp() + elapsed * clockRate / 1000);
        } else {
            long elapsed = nowMillis - rewriter.lastSentAtMillis();
            ntpAndRtp[1] = (rewriter.highestOutputTimestamp() + elapsed * clockRate / 1000) & 0xFFFFFFFFL;
        }
        return true;
    }

    RtpStreamStats stats(long nowMillis, long nacks, long keyFrameRequests) {
        return new RtpStreamStats(ssrc, null, statistics.packets(), statistics.bytes(), statistics.bitrateBps(nowMillis),
                statistics.reportedLost(), statistics.reportedFractionLost(), statistics.reportedJitterMillis(),
                statistics.rttMillis(), nacks, statistics.retransmissions(), keyFrameRequests);
    }
}
