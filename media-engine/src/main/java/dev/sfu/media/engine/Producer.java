package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpMapping;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.rtp.HeaderExtensionIdMap;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.RtpStreamStats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A stream (or set of simulcast streams) a client sends into a router. Incoming packets are normalised to the
 * router's payload types, SSRCs and header-extension ids, kept for retransmission, and handed to each consumer.
 */
public final class Producer {
    public interface Listener {
        void onProducerClosed(Producer p);
    }

    // passed by argument
    private final String id;
    private final MediaKind kind;
    private final RtpParameters rtpParameters;
    private final RtpParameters consumableRtpParameters;
    private final Transport transport;
    private final Listener listener;

    // allocated by this
    private final PayloadTypeMap payloadTypes = new PayloadTypeMap();
    /** Producer RTX payload type to the producer media payload type it repairs. */
    private final PayloadTypeMap rtxPayloadTypes = new PayloadTypeMap();
    private final HeaderExtensionIdMap extensionIds;
    private final ProducerStream[] streams;
    private final List<Consumer> consumers = new ArrayList<>();
    private final int midExtensionId;
    private final int ridExtensionId;
    private final int repairedRidExtensionId;
    private final boolean useFir;

    // others
    private boolean paused;
    private boolean closed;

    Producer(String id, MediaKind kind, RtpParameters rtpParameters, RtpMapping mapping,
             RtpParameters consumableRtpParameters, Transport transport, Listener listener) {
        this.id = id;
        this.kind = kind;
        this.rtpParameters = rtpParameters;
        this.consumableRtpParameters = consumableRtpParameters;
        this.transport = transport;
        this.listener = listener;
        for (RtpMapping.CodecMapping m : mapping.codecs()) {
            payloadTypes.put(m.payloadType(), m.mappedPayloadType());
        }
        for (RtpCodecParameters c : rtpParameters.codecs()) {
            if (RtpParametersInfo.isRtx(c) && RtpParametersInfo.apt(c) >= 0) {
                rtxPayloadTypes.put(c.payloadType(), RtpParametersInfo.apt(c));
            }
        }
        this.extensionIds = RtpParametersInfo.extensionIdMap(rtpParameters, consumableRtpParameters);
        this.midExtensionId = RtpParametersInfo.extensionId(rtpParameters, RtpParametersInfo.MID_URI);
        this.ridExtensionId = RtpParametersInfo.extensionId(rtpParameters, RtpParametersInfo.RID_URI);
        this.repairedRidExtensionId = RtpParametersInfo.extensionId(rtpParameters, RtpParametersInfo.REPAIRED_RID_URI);

        List<RtpEncodingParameters> encodings = rtpParameters.encodings();
        this.streams = new ProducerStream[encodings.size()];
        boolean video = kind == MediaKind.VIDEO;
        RtpCodecParameters firstCodec = RtpParametersInfo.mediaCodec(rtpParameters, null);
        this.useFir = !RtpParametersInfo.hasFeedback(firstCodec, "nack", "pli")
                && RtpParametersInfo.hasFeedback(firstCodec, "ccm", "fir");
        for (int i = 0; i < encodings.size(); i++) {
            RtpEncodingParameters enc = encodings.get(i);
            RtpCodecParameters codec = RtpParametersInfo.mediaCodec(rtpParameters, enc.codecPayloadType());
            if (codec == null) {
                codec = firstCodec;
            }
            boolean nack = RtpParametersInfo.hasFeedback(codec, "nack", "");
            streams[i] = new ProducerStream(this, i, enc.ssrc(), enc.rtx() == null ? null : enc.rtx().ssrc(), enc.rid(),
                    mappedSsrc(mapping, enc, i), codec.clockRate(), codec.mimeType(), nack, video);
        }
    }

    public String id() { return id; }
    public MediaKind kind() { return kind; }
    public RtpParameters rtpParameters() { return rtpParameters; }
    public RtpParameters consumableRtpParameters() { return consumableRtpParameters; }
    public String type() { return streams.length > 1 ? "simulcast" : "simple"; }
    public boolean paused() { return paused; }
    public boolean closed() { return closed; }

    public void pause() {
        if (paused || closed) {
            return;
        }
        paused = true;
        for (int i = 0; i < consumers.size(); i++) {
            consumers.get(i).onProducerPaused();
        }
    }

    public void resume() {
        if (!paused || closed) {
            return;
        }
        paused = false;
        for (int i = 0; i < consumers.size(); i++) {
            consumers.get(i).onProducerResumed();
        }
    }

    /** Asks the sender for a key frame on every stream (rate-limited per stream). */
    public void requestKeyFrame() {
        long now = transport.nowMillis();
        for (ProducerStream s : streams) {
            requestKeyFrame(s, now);
        }
    }

    /**
     * Closes this producer; its consumers close with reason "producer closed". Like {@link Consumer#close()},
     * the producer's own listener is told only when the engine closes it (its transport closed).
     */
    public void close() {
        closeInternal();
    }

    private boolean closeInternal() {
        if (closed) {
            return false;
        }
        closed = true;
        for (Consumer c : new ArrayList<>(consumers)) {
            c.closeBy("producer closed");
        }
        consumers.clear();
        transport.onProducerClosed(this);
        transport.router().onProducerClosed(this);
        return true;
    }

    public ProducerStats stats() {
        long now = transport.nowMillis();
        List<RtpStreamStats> list = new ArrayList<>(streams.length);
        for (ProducerStream s : streams) {
            list.add(s.stats(now));
        }
        return new ProducerStats(id, kind.wireName(), type(), paused, Collections.unmodifiableList(list));
    }

    // --- engine internals

    /** The router SSRC of encoding {@code i}: matched by SSRC or RID, else by position. */
    private static long mappedSsrc(RtpMapping mapping, RtpEncodingParameters enc, int i) {
        for (RtpMapping.EncodingMapping m : mapping.encodings()) {
            if ((enc.ssrc() != null && Objects.equals(enc.ssrc(), m.ssrc()))
                    || (enc.rid() != null && enc.rid().equals(m.rid()))) {
                return m.mappedSsrc();
            }
        }
        return mapping.encodings().get(i).mappedSsrc();
    }

    Transport transport() { return transport; }
    int streamCount() { return streams.length; }
    ProducerStream stream(int index) { return streams[index]; }
    int midExtensionId() { return midExtensionId; }
    int ridExtensionId() { return ridExtensionId; }
    int repairedRidExtensionId() { return repairedRidExtensionId; }
    boolean useFir() { return useFir; }
    List<Consumer> consumers() { return consumers; }

    /** Producer payload type repaired by RTX payload type {@code rtxPt}, or -1 when it is not an RTX type. */
    int mediaPayloadTypeForRtx(int rtxPt) {
        return rtxPayloadTypes.map(rtxPt);
    }

    ProducerStream streamByRid(String rid) {
        for (ProducerStream s : streams) {
            if (rid != null && rid.equals(s.rid())) {
                return s;
            }
        }
        return null;
    }

    void addConsumer(Consumer c) { consumers.add(c); }
    void removeConsumer(Consumer c) { consumers.remove(c); }

    /**
     * One RTP packet of {@code stream} (already decrypted, RTX already unwrapped): count it, normalise it to
     * the router's view, cache it, and fan it out.
     */
    void receiveRtp(ProducerStream stream, RtpPacket packet, boolean retransmission, long nowMillis) {
        int routerPt = payloadTypes.map(packet.payloadType());
        if (routerPt < 0) {
            transport.countUnknownPayloadType();
            return;
        }
        boolean keyFrameNeeded = stream.onPacket(packet, retransmission, nowMillis);
        if (keyFrameNeeded) {
            requestKeyFrame(stream, nowMillis);
        }
        if (!retransmission && stream.nackGenerator() != null && stream.nackGenerator().missingCount() > 0) {
            transport.sendNacksFor(stream, nowMillis);
        }
        packet.setPayloadType(routerPt);
        packet.setSsrc(stream.mappedSsrc());
        extensionIds.apply(packet);
        boolean keyFrame = stream.isKeyFrame(packet);
        if (keyFrame) {
            stream.onKeyFrameReceived();
        }
        if (stream.cache() != null) {
            stream.cache().store(packet);
        }
        if (paused) {
            return;
        }
        for (int i = 0; i < consumers.size(); i++) {
            consumers.get(i).forward(packet, stream, keyFrame, nowMillis);
        }
    }

    void requestKeyFrame(ProducerStream stream, long nowMillis) {
        if (!closed && kind == MediaKind.VIDEO && stream.requestKeyFrame(nowMillis)) {
            transport.sendKeyFrameRequest(stream);
        }
    }

    void onTick(long nowMillis) {
        for (ProducerStream s : streams) {
            if (s.keyFrameRequestDue(nowMillis)) {
                transport.sendKeyFrameRequest(s);
            }
            if (s.nackGenerator() != null && s.nackGenerator().missingCount() > 0) {
                transport.sendNacksFor(s, nowMillis);
            }
        }
    }

    /** Closed because its transport closed: consumers close too, the listener hears of it. */
    void closeByTransport() {
        if (closeInternal()) {
            listener.onProducerClosed(this);
        }
    }
}
