package dev.sfu.media.engine;

import dev.sfu.media.rtp.KeyFrameDetector;
import dev.sfu.media.rtp.NackGenerator;
import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.ReceiveStreamStatistics;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.RtpPacketCache;
import dev.sfu.media.rtp.RtpStreamStats;

/**
 * One stream a producer sends (its only stream, or one simulcast layer): what we learned about it
 * (SSRCs, last Sender Report), what we measure (statistics, losses to NACK), the packets we keep for
 * retransmission, and the pacing of key-frame requests toward its sender.
 */
final class ProducerStream {
    static final long KEY_FRAME_REQUEST_INTERVAL_MILLIS = 500;
    static final long INACTIVE_AFTER_MILLIS = 1500;
    private static final int VIDEO_CACHE_PACKETS = 512;

    // passed by argument
    private final Producer producer;
    private final int index;
    private final String rid;
    private final long mappedSsrc;
    private final int clockRate;
    private final KeyFrameDetector keyFrameDetector;

    // allocated by this
    private final ReceiveStreamStatistics statistics;
    private final NackGenerator nackGenerator;
    private final RtpPacketCache cache;

    // learned from the wire
    private long ssrc = -1;
    private long rtxSsrc = -1;
    private long lastPacketAtMillis = Long.MIN_VALUE;
    private boolean haveSenderReport;
    private long senderReportNtp;
    private long senderReportRtp;
    private long senderReportReceivedAtMillis;

    // key-frame request pacing
    private long lastKeyFrameRequestAtMillis = Long.MIN_VALUE;
    private boolean keyFrameRequestPending;
    private long keyFrameRequestsSent;
    private long nacksSent;
    private long retransmissionsReceived;

    ProducerStream(Producer producer, int index, Long ssrc, Long rtxSsrc, String rid, long mappedSsrc, int clockRate,
                   String mimeType, boolean nackEnabled, boolean video) {
        this.producer = producer;
        this.index = index;
        this.rid = rid;
        this.mappedSsrc = mappedSsrc;
        this.clockRate = clockRate;
        this.keyFrameDetector = video ? KeyFrameDetector.forMimeType(mimeType) : KeyFrameDetector.NONE;
        this.statistics = new ReceiveStreamStatistics(clockRate);
        this.nackGenerator = nackEnabled ? new NackGenerator() : null;
        this.cache = video ? new RtpPacketCache(VIDEO_CACHE_PACKETS) : null;
        if (ssrc != null) this.ssrc = ssrc;
        if (rtxSsrc != null) this.rtxSsrc = rtxSsrc;
    }

    Producer producer() { return producer; }
    int index() { return index; }
    String rid() { return rid; }
    long ssrc() { return ssrc; }
    long rtxSsrc() { return rtxSsrc; }
    long mappedSsrc() { return mappedSsrc; }
    int clockRate() { return clockRate; }
    RtpPacketCache cache() { return cache; }
    NackGenerator nackGenerator() { return nackGenerator; }
    ReceiveStreamStatistics statistics() { return statistics; }

    void learnSsrc(long ssrc) { this.ssrc = ssrc; }
    void learnRtxSsrc(long rtxSsrc) { this.rtxSsrc = rtxSsrc; }

    boolean isActive(long nowMillis) {
        return lastPacketAtMillis != Long.MIN_VALUE && nowMillis - lastPacketAtMillis < INACTIVE_AFTER_MILLIS;
    }

    /** Counts the packet; returns true when losses are beyond NACK repair and a key frame is needed. */
    boolean onPacket(RtpPacket packet, boolean retransmission, long nowMillis) {
        lastPacketAtMillis = nowMillis;
        if (retransmission) {
            retransmissionsReceived++;
        }
        statistics.onPacket(packet.sequenceNumber(), packet.timestamp(), packet.buffer().getLength(), nowMillis,
                retransmission);
        return nackGenerator != null && nackGenerator.onPacket(packet.sequenceNumber());
    }

    boolean isKeyFrame(RtpPacket packet) {
        return keyFrameDetector.isKeyFrame(packet);
    }

    void onSenderReport(long ntp, long rtpTimestamp, long nowMillis) {
        haveSenderReport = true;
        senderReportNtp = ntp;
        senderReportRtp = rtpTimestamp;
        senderReportReceivedAtMillis = nowMillis;
    }

    boolean haveSenderReport() { return haveSenderReport; }
    long senderReportNtp() { return senderReportNtp; }
    long senderReportRtp() { return senderReportRtp; }
    long senderReportReceivedAtMillis() { return senderReportReceivedAtMillis; }

    /** LSR field of our report block about this stream (RFC 3550 6.4.1). */
    long lastSrField() {
        return haveSenderReport ? NtpTime.middle32(senderReportNtp) : 0;
    }

    /** DLSR field: time since that SR in 1/65536 s. */
    long delaySinceLastSrField(long nowMillis) {
        return haveSenderReport ? ((nowMillis - senderReportReceivedAtMillis) * 65536 / 1000) & 0xFFFFFFFFL : 0;
    }

    /**
     * Asks for a key frame at most once per {@link #KEY_FRAME_REQUEST_INTERVAL_MILLIS}; a request inside the
     * interval is remembered and sent by {@link #keyFrameRequestDue}. Returns true when one must be sent now.
     */
    boolean requestKeyFrame(long nowMillis) {
        if (ssrc < 0) {
            return false;
        }
        if (lastKeyFrameRequestAtMillis == Long.MIN_VALUE
                || nowMillis - lastKeyFrameRequestAtMillis >= KEY_FRAME_REQUEST_INTERVAL_MILLIS) {
            lastKeyFrameRequestAtMillis = nowMillis;
            keyFrameRequestPending = false;
            keyFrameRequestsSent++;
            return true;
        }
        keyFrameRequestPending = true;
        return false;
    }

    /** True when a held-back key-frame request may go out now. */
    boolean keyFrameRequestDue(long nowMillis) {
        return keyFrameRequestPending && requestKeyFrame(nowMillis);
    }

    void onKeyFrameReceived() {
        keyFrameRequestPending = false;
    }

    void onNacksSent(int count) {
        nacksSent += count;
    }

    RtpStreamStats stats(long nowMillis) {
        return new RtpStreamStats(ssrc, rid, statistics.packets(), statistics.bytes(), statistics.bitrateBps(nowMillis),
                statistics.cumulativeLost(), statistics.lastFractionLost() / 256.0, statistics.jitterMillis(), -1,
                nacksSent, retransmissionsReceived, keyFrameRequestsSent);
    }
}
