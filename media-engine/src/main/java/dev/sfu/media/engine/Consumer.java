package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtp.HeaderExtensionIdMap;
import dev.sfu.media.rtp.HeaderExtensionWriter;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.RtpStreamRewriter;
import dev.sfu.media.rtp.RtpStreamStats;
import dev.sfu.media.rtp.Rtx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    static final long KEY_FRAME_RETRY_MILLIS = 1000;

    // passed by argument
    private final String id;
    private final Producer producer;
    private final Transport transport;
    private final RtpParameters rtpParameters;
    private final Listener listener;

    // allocated by this
    private final PayloadTypeMap payloadTypes = new PayloadTypeMap();
    private final HeaderExtensionIdMap extensionIds;
    /** One outgoing stream, or (pipe) one per producer stream, index for index. */
    private final ConsumerStream[] streams;
    private final boolean pipe;
    private final PacketBuffer scratch = new PacketBuffer();
    private final PacketBuffer rtxScratch = new PacketBuffer();
    private final RtpPacket outgoing = new RtpPacket();
    private final int rtxPayloadType;
    private final boolean nackEnabled;
    private final String cname;
    /** The consumer's own MID, stamped on every packet so the client's BUNDLE demuxer finds the right track. */
    private final int midExtensionId;
    private final byte[] mid;

    // others
    private boolean paused;
    private boolean producerPaused;
    private boolean closed;
    private boolean waitingForKeyFrame;
    /** Producer stream index being forwarded (-1: none yet) and the one we want to switch to (not for pipes). */
    private int currentStream = -1;
    private int targetStream;
    private long lastKeyFrameRequestAtMillis = Long.MIN_VALUE;
    private long nacksReceived;
    private long keyFrameRequestsReceived;

    Consumer(String id, Producer producer, Transport transport, RtpParameters rtpParameters, boolean paused,
             boolean pipe, Listener listener) {
        this.id = id;
        this.producer = producer;
        this.transport = transport;
        this.rtpParameters = rtpParameters;
        this.listener = listener;
        this.paused = paused;
        this.pipe = pipe;
        this.producerPaused = producer.paused();
        RtpCodecParameters codec = RtpParametersInfo.mediaCodec(rtpParameters, null);
        for (RtpCodecParameters c : rtpParameters.codecs()) {
            if (!RtpParametersInfo.isRtx(c)) {
                payloadTypes.put(c.payloadType(), c.payloadType());
            }
        }
        List<RtpEncodingParameters> encodings = rtpParameters.encodings();
        this.streams = new ConsumerStream[pipe ? Math.min(encodings.size(), producer.streamCount()) : 1];
        boolean rtx = false;
        for (int i = 0; i < streams.length; i++) {
            RtpEncodingParameters encoding = encodings.get(i);
            long rtxSsrc = encoding.rtx() == null ? -1 : encoding.rtx().ssrc();
            rtx |= rtxSsrc >= 0;
            streams[i] = new ConsumerStream(encoding.ssrc(), rtxSsrc, codec.clockRate());
        }
        this.rtxPayloadType = rtx ? RtpParametersInfo.rtxPayloadTypeFor(rtpParameters, codec.payloadType()) : -1;
        this.nackEnabled = RtpParametersInfo.hasFeedback(codec, "nack", "");
        this.extensionIds = RtpParametersInfo.extensionIdMap(producer.consumableRtpParameters(), rtpParameters);
        this.cname = rtpParameters.rtcp() == null ? null : rtpParameters.rtcp().cname();
        this.midExtensionId = RtpParametersInfo.extensionId(rtpParameters, RtpParametersInfo.MID_URI);
        this.mid = rtpParameters.mid() == null ? null : rtpParameters.mid().getBytes(StandardCharsets.UTF_8);
        this.waitingForKeyFrame = !pipe && producer.kind() == MediaKind.VIDEO;
        this.targetStream = producer.streamCount() - 1;
    }

    public String id() { return id; }
    public String producerId() { return producer.id(); }
    public MediaKind kind() { return producer.kind(); }
    public RtpParameters rtpParameters() { return rtpParameters; }
    public String type() { return pipe ? "pipe" : producer.streamCount() > 1 ? "simulcast" : "simple"; }
    public boolean paused() { return paused; }
    public boolean producerPaused() { return producerPaused; }
    public boolean closed() { return closed; }

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
        long now = transport.nowMillis();
        lastKeyFrameRequestAtMillis = now;
        if (pipe) {
            for (int i = 0; i < streams.length; i++) {
                producer.requestKeyFrame(producer.stream(i), now);
            }
        } else {
            producer.requestKeyFrame(producer.stream(targetStream), now);
        }
    }

    /** Closes this consumer (the listener is told only when the engine closes it, not on this call). */
    public void close() {
        closeQuietly();
    }

    /** {@code stream} is the (first) outgoing stream; {@code streams} lists all of them (several for a pipe). */
    public ConsumerStats stats() {
        long now = transport.nowMillis();
        List<RtpStreamStats> all = new ArrayList<>(streams.length);
        for (ConsumerStream s : streams) {
            all.add(s.stats(now, nacksReceived, keyFrameRequestsReceived));
        }
        return new ConsumerStats(id, producer.id(), kind().wireName(), type(), paused, producerPaused, currentStream,
                all.get(0), Collections.unmodifiableList(all));
    }

    // --- engine internals

    Producer producer() { return producer; }
    Transport transport() { return transport; }
    int currentStream() { return currentStream; }
    int targetStream() { return targetStream; }
    int streamCount() { return streams.length; }
    long ssrc(int stream) { return streams[stream].ssrc(); }
    long rtxSsrc(int stream) { return streams[stream].rtxSsrc(); }
    long packetsSent(int stream) { return streams[stream].statistics().packets(); }
    long bytesSent(int stream) { return streams[stream].statistics().bytes(); }
    String cname() { return cname; }

    /** Index of the outgoing stream whose media SSRC this is, or -1. */
    int streamOfSsrc(long ssrc) {
        for (int i = 0; i < streams.length; i++) {
            if (streams[i].ssrc() == ssrc) {
                return i;
            }
        }
        return -1;
    }

    /** The latest RTT any of its streams measured, or -1. */
    double rttMillis() {
        double rtt = -1;
        for (ConsumerStream s : streams) {
            rtt = Math.max(rtt, s.statistics().rttMillis());
        }
        return rtt;
    }

    /** Forwards one router-normalised packet of the producer's {@code stream}; the input is left untouched. */
    void forward(RtpPacket packet, ProducerStream stream, boolean keyFrame, long nowMillis) {
        if (closed || paused || producerPaused || !transport.isConnected()) {
            return;
        }
        ConsumerStream out;
        if (pipe) {
            if (stream.index() >= streams.length) {
                return;
            }
            out = streams[stream.index()];
        } else {
            out = streams[0];
            if (stream.index() != currentStream) {
                if (stream.index() != targetStream || (producer.kind() == MediaKind.VIDEO && !keyFrame)) {
                    return;
                }
                if (currentStream >= 0) {
                    out.rewriter().resync();
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
        }
        scratch.copyFrom(packet.buffer());
        outgoing.wrap(scratch);
        int pt = payloadTypes.map(outgoing.payloadType());
        if (pt < 0 || !out.rewriter().rewrite(outgoing, nowMillis)) {
            return;
        }
        outgoing.setSsrc(out.ssrc());
        outgoing.setPayloadType(pt);
        stampExtensions();
        out.statistics().onPacketSent(scratch.getLength(), nowMillis);
        transport.sendRtpOf(this, scratch, nowMillis);
    }

    /** The client lost these (rewritten) sequence numbers of {@code mediaSsrc}: resend them from the cache. */
    void onNack(long mediaSsrc, int[] seqs, int count, long nowMillis) {
        nacksReceived++;
        int index = streamOfSsrc(mediaSsrc);
        if (!nackEnabled || index < 0 || closed || paused || producerPaused) {
            return;
        }
        int source = pipe ? index : currentStream;
        if (source < 0) {
            return;
        }
        ConsumerStream out = streams[index];
        RtpStreamRewriter rewriter = out.rewriter();
        ProducerStream stream = producer.stream(source);
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
            outgoing.setSsrc(out.ssrc());
            outgoing.setPayloadType(pt);
            stampExtensions();
            if (rtxPayloadType >= 0 && out.rtxSsrc() >= 0) {
                Rtx.encapsulate(outgoing, rtxScratch, out.rtxSsrc(), rtxPayloadType, out.nextRtxSeq());
                out.statistics().onRetransmissionSent(rtxScratch.getLength(), nowMillis);
                transport.sendRtpOf(this, rtxScratch, nowMillis);
            } else {
                out.statistics().onRetransmissionSent(scratch.getLength(), nowMillis);
                transport.sendRtpOf(this, scratch, nowMillis);
            }
        }
    }

    /** PLI or FIR from the client about {@code mediaSsrc}. */
    void onKeyFrameRequest(long mediaSsrc) {
        keyFrameRequestsReceived++;
        int index = streamOfSsrc(mediaSsrc);
        if (pipe && index >= 0 && !closed && producer.kind() == MediaKind.VIDEO) {
            producer.requestKeyFrame(producer.stream(index), transport.nowMillis());
        } else {
            requestKeyFrame();
        }
    }

    void onReportBlock(ReportBlock block, long nowNtp) {
        int index = streamOfSsrc(block.ssrc());
        if (index >= 0) {
            streams[index].statistics().onReportBlock(block.fractionLost(), block.cumulativeLost(), block.jitter(),
                    block.lastSr(), block.delaySinceLastSr(), nowNtp);
        }
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

    /**
     * Periodic work: pick the simulcast layer (the highest one receiving packets) and, while waiting for a key
     * frame to start or switch, ask again every {@link #KEY_FRAME_RETRY_MILLIS} in case a request was lost.
     */
    void onTick(long nowMillis) {
        if (closed || pipe || producer.kind() != MediaKind.VIDEO) {
            return;
        }
        int best = -1;
        for (int i = producer.streamCount() - 1; i >= 0; i--) {
            if (producer.stream(i).isActive(nowMillis)) {
                best = i;
                break;
            }
        }
        boolean targetChanged = best >= 0 && best != targetStream;
        if (targetChanged) {
            targetStream = best;
        }
        boolean waiting = waitingForKeyFrame || currentStream != targetStream;
        if (waiting && !paused && !producerPaused && (targetChanged
                || lastKeyFrameRequestAtMillis == Long.MIN_VALUE
                || nowMillis - lastKeyFrameRequestAtMillis >= KEY_FRAME_RETRY_MILLIS)) {
            requestKeyFrame();
        }
    }

    /** NTP/RTP "now" for a Sender Report about outgoing stream {@code stream}; false when it has sent nothing. */
    boolean senderReportTimes(int stream, long nowMillis, long[] ntpAndRtp) {
        int source = pipe ? stream : currentStream;
        return source >= 0 && streams[stream].senderReportTimes(producer.stream(source), nowMillis, ntpAndRtp);
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

    /** Header-extension ids as this consumer negotiated them, and its own MID value. */
    private void stampExtensions() {
        extensionIds.apply(outgoing);
        if (midExtensionId > 0 && mid != null && mid.length > 0) {
            HeaderExtensionWriter.set(outgoing, midExtensionId, mid);
        }
    }

    private void restartFlow() {
        for (ConsumerStream s : streams) {
            s.rewriter().resync();
        }
        if (producer.kind() == MediaKind.VIDEO) {
            waitingForKeyFrame = !pipe;
            requestKeyFrame();
        }
    }
}
