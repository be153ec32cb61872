package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtp.HeaderExtensionIdMap;
import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.RtpStreamRewriter;
import dev.sfu.media.rtp.RtpStreamStats;
import dev.sfu.media.rtp.Rtx;
import dev.sfu.media.rtp.SendStreamStatistics;

/**
 * One client's receiving end of a producer. It forwards one of the producer's streams (the only one, or the
 * best active simulcast layer, switching on key frames) as a single continuous stream with its own SSRC,
 * payload types, sequence numbers, timestamps and header-extension ids, and answers the client's NACKs
 * from the producer's packet cache.
 */
public final class Consumer {
    public interface Listener {
        void onConsumerClosed(Consumer c, String reason);
        void onProducerPaused(Consumer c);
        void onProducerResumed(Consumer c);
    }

    // passed by argument
    private final String id;
    private final Producer producer;
    private final Transport transport;
    private final RtpParameters rtpParameters;
    private final Listener listener;

    // allocated by this
    private final PayloadTypeMap payloadTypes = new PayloadTypeMap();
    private final HeaderExtensionIdMap extensionIds;
    private final RtpStreamRewriter rewriter;
    private final SendStreamStatistics statistics;
    private final PacketBuffer scratch = new PacketBuffer();
    private final PacketBuffer rtxScratch = new PacketBuffer();
    private final RtpPacket outgoing = new RtpPacket();
    private final long ssrc;
    private final long rtxSsrc;
    private final int rtxPayloadType;
    private final boolean nackEnabled;
    private final String cname;
    /** Set when this consumer feeds a pipe to another SFU (all streams, SSRCs rewritten only). */
    private final PipeStreams pipe;

    // others
    private boolean paused;
    private boolean producerPaused;
    private boolean closed;
    private boolean waitingForKeyFrame;
    /** Producer stream index being forwarded (-1: none yet) and the one we want to switch to. */
    private int currentStream = -1;
    private int targetStream;
    private int rtxSeq = (int) (Math.random() * 0xFFFF);
    private long lastSenderReportAtMillis = Long.MIN_VALUE;

    Consumer(String id, Producer producer, Transport transport, RtpParameters rtpParameters, boolean paused,
             Listener listener) {
        this(id, producer, transport, rtpParameters, paused, listener, false);
    }

    /** With {@code pipe}, {@code rtpParameters} come from Ortc.getPipeConsumerRtpParameters (one encoding per stream). */
    Consumer(String id, Producer producer, Transport transport, RtpParameters rtpParameters, boolean paused,
             Listener listener, boolean pipe) {
        this.id = id;
        this.producer = producer;
        this.transport = transport;
        this.rtpParameters = rtpParameters;
        this.listener = listener;
        this.paused = paused;
        this.producerPaused = producer.paused();
        RtpEncodingParameters encoding = rtpParameters.encodings().get(0);
        this.ssrc = encoding.ssrc();
        this.rtxSsrc = encoding.rtx() == null ? -1 : encoding.rtx().ssrc();
        RtpCodecParameters codec = RtpParametersInfo.mediaCodec(rtpParameters, null);
        for (RtpCodecParameters c : rtpParameters.codecs()) {
            if (!RtpParametersInfo.isRtx(c)) {
                payloadTypes.put(c.payloadType(), c.payloadType());
            }
        }
        this.rtxPayloadType = rtxSsrc < 0 ? -1 : RtpParametersInfo.rtxPayloadTypeFor(rtpParameters, codec.payloadType());
        this.nackEnabled = RtpParametersInfo.hasFeedback(codec, "nack", "");
        this.extensionIds = RtpParametersInfo.extensionIdMap(producer.consumableRtpParameters(), rtpParameters);
        this.rewriter = new RtpStreamRewriter(codec.clockRate());
        this.statistics = new SendStreamStatistics(codec.clockRate());
        this.cname = rtpParameters.rtcp() == null ? null : rtpParameters.rtcp().cname();
        this.waitingForKeyFrame = producer.kind() == MediaKind.VIDEO;
        this.targetStream = producer.streamCount() == 1 ? 0 : producer.streamCount() - 1;
        this.pipe = pipe ? new PipeStreams(this, producer, rtpParameters) : null;
    }

    public String id() { return id; }
    public String producerId() { return producer.id(); }
    public MediaKind kind() { return producer.kind(); }
    public RtpParameters rtpParameters() { return rtpParameters; }
    public String type() { return producer.streamCount() > 1 ? "simulcast" : "simple"; }
    public boolean paused() { return paused; }
    public boolean producerPaused() { return producerPaused; }
    public boolean closed() { return closed; }
    /** True for a consumer that feeds a pipe to another SFU. */
    public boolean isPipe() { return pipe != null; }

    public void pause() {
        paused = true;
    }

    /** Resumes forwarding: the stream continues without a sequence hole, from the next key frame. */
    public void resume() {
        if (!paused || closed) {
            return;
        }
        paused = false;
        restartFlow();
    }

    /** Asks the producer for a key frame on the stream this consumer forwards (or is about to). */
    public void requestKeyFrame() {
        if (closed || producer.kind() != MediaKind.VIDEO) {
            return;
        }
        if (pipe != null) {
            pipe.requestKeyFrames(transport.nowMillis());
            return;
        }
        int index = currentStream >= 0 && currentStream == targetStream ? currentStream : targetStream;
        producer.requestKeyFrame(producer.stream(index), transport.nowMillis());
    }

    /** Closes this consumer (the listener is told only when the engine closes it, not on this call). */
    public void close() {
        closeQuietly();
    }

    public ConsumerStats stats() {
        RtpStreamStats s = new RtpStreamStats(ssrc, null, statistics.packets(), statistics.bytes(),
                statistics.bitrateBps(transport.nowMillis()), statistics.reportedLost(),
                statistics.reportedFractionLost(), statistics.reportedJitterMillis(), statistics.rttMillis(),
                nacksReceived, statistics.retransmissions(), keyFrameRequestsReceived);
        return new ConsumerStats(id, producer.id(), kind().wireName(), type(), paused, producerPaused, currentStream, s);
    }

    // --- engine internals

    private long nacksReceived;
    private long keyFrameRequestsReceived;

    long ssrc() { return ssrc; }
    long rtxSsrc() { return rtxSsrc; }
    Producer producer() { return producer; }
    Transport transport() { return transport; }
    double rttMillis() { return statistics.rttMillis(); }
    int currentStream() { return currentStream; }
    int targetStream() { return targetStream; }

    /** Forwards one router-normalised packet of the producer's {@code stream}; the input is left untouched. */
    void forward(RtpPacket packet, ProducerStream stream, boolean keyFrame, long nowMillis) {
        if (closed || paused || producerPaused || !transport.isConnected()) {
            return;
        }
        if (pipe != null) {
            pipe.forward(packet, stream, nowMillis);
            statistics.onPacketSent(packet.buffer().getLength(), nowMillis);
            return;
        }
        if (stream.index() != currentStream) {
            if (stream.index() != targetStream || (producer.kind() == MediaKind.VIDEO && !keyFrame)) {
                return;
            }
            if (currentStream >= 0) {
                rewriter.resync();
            }
            currentStream = targetStream;
            waitingForKeyFrame = false;
        }
        if (waitingForKeyFrame) {
            if (!keyFrame) {
                return;
            }
            waitingForKeyFrame = false;
        }
        scratch.copyFrom(packet.buffer());
        outgoing.wrap(scratch);
        int pt = payloadTypes.map(outgoing.payloadType());
        if (pt < 0 || !rewriter.rewrite(outgoing, nowMillis)) {
            return;
        }
        outgoing.setSsrc(ssrc);
        outgoing.setPayloadType(pt);
        extensionIds.apply(outgoing);
        statistics.onPacketSent(scratch.getLength(), nowMillis);
        transport.sendRtpOf(this, scratch);
    }

    /** The client lost these (rewritten) sequence numbers: resend them from the producer's cache. */
    void onNack(int[] seqs, int count, long nowMillis) {
        nacksReceived++;
        if (!nackEnabled || currentStream < 0 || closed || paused || producerPaused) {
            return;
        }
        ProducerStream stream = producer.stream(currentStream);
        if (stream.cache() == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            int outSeq = seqs[i];
            if (!rewriter.isCurrentMapping(outSeq)) {
                continue;
            }
            PacketBuffer cached = stream.cache().get(rewriter.inputSeq(outSeq));
            if (cached == null) {
                continue;
            }
            scratch.copyFrom(cached);
            outgoing.wrap(scratch);
            int pt = payloadTypes.map(outgoing.payloadType());
            if (pt < 0) {
                continue;
            }
            outgoing.setSequenceNumber(outSeq);
            outgoing.setTimestamp(rewriter.outputTimestamp(outgoing.timestamp()));
            outgoing.setSsrc(ssrc);
            outgoing.setPayloadType(pt);
            extensionIds.apply(outgoing);
            if (rtxPayloadType >= 0) {
                Rtx.encapsulate(outgoing, rtxScratch, rtxSsrc, rtxPayloadType, rtxSeq);
                rtxSeq = (rtxSeq + 1) & 0xFFFF;
                statistics.onRetransmissionSent(rtxScratch.getLength(), nowMillis);
                transport.sendRtpOf(this, rtxScratch);
            } else {
                statistics.onRetransmissionSent(scratch.getLength(), nowMillis);
                transport.sendRtpOf(this, scratch);
            }
        }
    }

    /** PLI or FIR from the client. */
    void onKeyFrameRequest() {
        keyFrameRequestsReceived++;
        requestKeyFrame();
    }

    /** PLI or FIR naming {@code mediaSsrc}: a pipe asks for that stream only. */
    void onKeyFrameRequest(long mediaSsrc) {
        if (pipe == null) {
            onKeyFrameRequest();
            return;
        }
        keyFrameRequestsReceived++;
        if (!closed && producer.kind() == MediaKind.VIDEO) {
            pipe.requestKeyFrame(mediaSsrc, transport.nowMillis());
        }
    }

    /** A NACK about {@code mediaSsrc}: a pipe resends the producer's own sequence numbers of that stream. */
    void onNack(long mediaSsrc, int[] seqs, int count, long nowMillis) {
        if (pipe == null) {
            onNack(seqs, count, nowMillis);
            return;
        }
        nacksReceived++;
        if (closed || paused || producerPaused) {
            return;
        }
        int resent = pipe.resend(mediaSsrc, seqs, count);
        for (int i = 0; i < resent; i++) {
            statistics.onRetransmissionSent(0, nowMillis);
        }
    }

    PipeStreams pipe() { return pipe; }

    void onReportBlock(ReportBlock block, long nowNtp) {
        statistics.onReportBlock(block.fractionLost(), block.cumulativeLost(), block.jitter(), block.lastSr(),
                block.delaySinceLastSr(), nowNtp);
    }

    void onProducerPaused() {
        producerPaused = true;
        listener.onProducerPaused(this);
    }

    void onProducerResumed() {
        producerPaused = false;
        listener.onProducerResumed(this);
        if (!paused) {
            restartFlow();
        }
    }

    /** Periodic work: simulcast layer choice. */
    void onTick(long nowMillis) {
        if (closed || pipe != null || producer.streamCount() <= 1) {
            return;
        }
        int best = -1;
        for (int i = producer.streamCount() - 1; i >= 0; i--) {
            if (producer.stream(i).isActive(nowMillis)) {
                best = i;
                break;
            }
        }
        if (best >= 0 && best != targetStream) {
            targetStream = best;
        }
        if (currentStream != targetStream && !paused && !producerPaused) {
            requestKeyFrame();
        }
    }

    /**
     * Fills {@code sr} fields for a Sender Report: NTP and RTP time of "now" on this consumer's clock (from the
     * producer's SR mapping when known, so lip sync survives). Returns false when nothing was sent yet.
     */
    /**
     * Fills NTP and RTP time of "now" for a Sender Report. NTP is our wall clock (so the receiver's LSR/DLSR
     * give us RTT); the RTP time comes from the producer's own SR mapping when known (so audio and video of one
     * sender stay in sync), else from the last packet sent. Returns false when nothing was sent yet.
     */
    boolean senderReportTimes(long nowMillis, long[] ntpAndRtp) {
        if (!rewriter.started() || currentStream < 0 || statistics.packets() == 0) {
            return false;
        }
        ProducerStream stream = producer.stream(currentStream);
        int clockRate = rewriter.clockRate();
        ntpAndRtp[0] = NtpTime.fromUnixMillis(nowMillis);
        if (stream.haveSenderReport()) {
            long elapsed = nowMillis - stream.senderReportReceivedAtMillis();
            ntpAndRtp[1] = rewriter.outputTimestamp(stream.senderReportRtp() + elapsed * clockRate / 1000);
        } else {
            long elapsed = nowMillis - rewriter.lastSentAtMillis();
            ntpAndRtp[1] = (rewriter.highestOutputTimestamp() + elapsed * clockRate / 1000) & 0xFFFFFFFFL;
        }
        return true;
    }

    long packetsSent() { return statistics.packets(); }
    long bytesSent() { return statistics.bytes(); }
    String cname() { return cname; }

    boolean senderReportDue(long nowMillis, long intervalMillis) {
        if (lastSenderReportAtMillis != Long.MIN_VALUE && nowMillis - lastSenderReportAtMillis < intervalMillis) {
            return false;
        }
        lastSenderReportAtMillis = nowMillis;
        return true;
    }

    /** Closed by the engine (producer or transport closed): detach and tell the listener. */
    void closeBy(String reason) {
        if (closeQuietly()) {
            listener.onConsumerClosed(this, reason);
        }
    }

    private boolean closeQuietly() {
        if (closed) {
            return false;
        }
        closed = true;
        producer.removeConsumer(this);
        transport.onConsumerClosed(this);
        return true;
    }

    private void restartFlow() {
        if (pipe != null) {
            pipe.requestKeyFrames(transport.nowMillis());
            return;
        }
        rewriter.resync();
        if (producer.kind() == MediaKind.VIDEO) {
            waitingForKeyFrame = true;
            requestKeyFrame();
        }
    }
}
