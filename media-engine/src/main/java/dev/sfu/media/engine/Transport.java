package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.OrtcException;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpMapping;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.Fir;
import dev.sfu.media.rtcp.GenericNack;
import dev.sfu.media.rtcp.Pli;
import dev.sfu.media.rtcp.TransportCcRecorder;
import dev.sfu.media.rtp.BitrateMeter;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.Rtx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's connection to a router, seen from the media side: it owns the client's producers and consumers,
 * routes each decrypted RTP/RTCP packet to them, and emits the RTCP a browser expects (SR, RR, PLI/FIR, NACK,
 * transport-cc feedback).
 * Subclasses (WebRtcTransport, PipeTransport) supply the secure link through {@link #sendRtp}/{@link #sendRtcp}
 * and feed {@link #receiveRtp}/{@link #receiveRtcp}. Media-thread confined.
 */
public abstract class Transport {
    static final long RTCP_REPORT_INTERVAL_MILLIS = 1000;
    static final long TRANSPORT_CC_FEEDBACK_INTERVAL_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(Transport.class);

    // passed by argument
    private final String id;
    private final Router router;

    // allocated by this
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final SsrcTable<ProducerStream> producerStreamsBySsrc = new SsrcTable<>();
    private final SsrcTable<Consumer> consumersBySsrc = new SsrcTable<>();
    private final RtpPacket incoming = new RtpPacket();
    private final RtcpFeedbackReceiver rtcpReceiver;
    private final RtcpReporter reporter;
    private final PacketBuffer rtcpOut = new PacketBuffer();
    /** Losses NACKed at once: 256 FCI entries at most, well inside one datagram. */
    private final int[] seqScratch = new int[256];
    private final BitrateMeter receiveBitrate = new BitrateMeter();
    private final BitrateMeter sendBitrate = new BitrateMeter();
    /** SSRC we put in the sender field of RTCP about streams we receive. */
    private final long rtcpSenderSsrc;

    // counters and state
    private long rtpPacketsReceived;
    private long rtpBytesReceived;
    private long rtpPacketsSent;
    private long rtpBytesSent;
    private long rtcpPacketsReceived;
    private long rtcpPacketsSent;
    private long droppedMalformedRtp;
    private long droppedUnknownSsrc;
    private long droppedUnknownPayloadType;
    private long droppedRtxPadding;
    private int firSequence;
    private long nextMidForConsumers;
    /** Transport-wide-cc extension id the client stamps (the same on all its streams under BUNDLE), 0 if none. */
    private int transportCcExtensionId;
    private TransportCcRecorder transportCc;
    private long lastTransportCcMediaSsrc;
    private long lastTransportCcFeedbackAtMillis = Long.MIN_VALUE;
    private long lastReportsAtMillis = Long.MIN_VALUE;
    private boolean closed;

    protected Transport(String id, Router router) {
        this.id = id;
        this.router = router;
        this.rtcpSenderSsrc = router.generateSsrc();
        this.rtcpReceiver = new RtcpFeedbackReceiver(producerStreamsBySsrc, consumersBySsrc);
        this.reporter = new RtcpReporter(rtcpSenderSsrc, this::sendRtcpPacket);
        router.addTransport(this);
    }

    public String id() { return id; }
    public Router router() { return router; }
    public boolean closed() { return closed; }

    /**
     * Creates a producer for what the client will send. Throws {@link OrtcException} for parameters the router
     * cannot accept, {@link IllegalArgumentException} for a producer id already in use.
     */
    public Producer produce(String producerId, MediaKind kind, RtpParameters rtpParameters, Producer.Listener listener) {
        ensureOpen();
        if (router.hasProducer(producerId)) {
            throw new IllegalArgumentException("producer id already in use: " + producerId);
        }
        Ortc.validateRtpParameters(rtpParameters);
        if (rtpParameters.encodings() == null || rtpParameters.encodings().isEmpty()) {
            throw new OrtcException("rtpParameters.encodings must not be empty");
        }
        for (RtpEncodingParameters enc : rtpParameters.encodings()) {
            if (enc.ssrc() != null && producerStreamsBySsrc.get(enc.ssrc()) != null) {
                throw new OrtcException("ssrc " + enc.ssrc() + " is already used by another producer");
            }
        }
        RtpMapping mapping = Ortc.getProducerRtpParametersMapping(rtpParameters, router.rtpCapabilities(),
                router::generateSsrc);
        RtpParameters consumable = Ortc.getConsumableRtpParameters(kind, rtpParameters, router.rtpCapabilities(),
                mapping);
        Producer producer = new Producer(producerId, kind, rtpParameters, mapping, consumable, this, listener);
        for (int i = 0; i < producer.streamCount(); i++) {
            ProducerStream s = producer.stream(i);
            if (s.ssrc() >= 0) producerStreamsBySsrc.put(s.ssrc(), s);
            if (s.rtxSsrc() >= 0) producerStreamsBySsrc.put(s.rtxSsrc(), s);
        }
        producers.put(producerId, producer);
        router.addProducer(producer);
        if (transportCcExtensionId == 0) {
            transportCcExtensionId = RtpParametersInfo.extensionId(rtpParameters, RtpParametersInfo.TRANSPORT_CC_URI);
        }
        return producer;
    }

    /**
     * Creates a consumer of {@code producer} for a device with {@code caps}. Its parameters are Ortc's consumer
     * parameters plus a MID unique on this transport ("0", "1", ...). Throws {@link OrtcException} when the
     * device cannot receive it. An unpaused video consumer asks the producer for a key frame.
     */
    public Consumer consume(String consumerId, Producer producer, RtpCapabilities caps, boolean paused,
                            Consumer.Listener listener) {
        ensureOpen();
        if (consumers.containsKey(consumerId)) {
            throw new IllegalArgumentException("consumer id already in use: " + consumerId);
        }
        if (producer.closed()) {
            throw new IllegalArgumentException("producer " + producer.id() + " is closed");
        }
        if (!Ortc.canConsume(producer.consumableRtpParameters(), caps)) {
            throw new OrtcException("cannot consume producer " + producer.id() + " with the given rtpCapabilities");
        }
        RtpParameters negotiated = Ortc.getConsumerRtpParameters(producer.consumableRtpParameters(), caps, false,
                router::generateSsrc);
        // like mediasoup, each consumer gets the next MID of its transport: the client's m-line for this track
        RtpParameters params = new RtpParameters(String.valueOf(nextMidForConsumers++), negotiated.codecs(),
                negotiated.headerExtensions(), negotiated.encodings(), negotiated.rtcp());
        Consumer consumer = new Consumer(consumerId, producer, this, params, paused, false, listener);
        register(consumer);
        if (!paused && !producer.paused()) {
            consumer.requestKeyFrame();
        }
        return consumer;
    }

    /**
     * Creates a consumer that feeds a pipe to another SFU: every encoding of {@code producer} is forwarded on
     * its own fresh SSRC (Ortc's pipe consumer parameters), with RTX when {@code enableRtx}. Its type is "pipe".
     */
    public Consumer consumePipe(String consumerId, Producer producer, boolean enableRtx, Consumer.Listener listener) {
        ensureOpen();
        if (consumers.containsKey(consumerId)) {
            throw new IllegalArgumentException("consumer id already in use: " + consumerId);
        }
        if (producer.closed()) {
            throw new IllegalArgumentException("producer " + producer.id() + " is closed");
        }
        RtpParameters params = Ortc.getPipeConsumerRtpParameters(producer.consumableRtpParameters(), enableRtx,
                router::generateSsrc);
        Consumer consumer = new Consumer(consumerId, producer, this, params, false, true, listener);
        register(consumer);
        if (!producer.paused()) {
            consumer.requestKeyFrame();
        }
        return consumer;
    }

    private void register(Consumer consumer) {
        consumers.put(consumer.id(), consumer);
        for (int i = 0; i < consumer.streamCount(); i++) {
            consumersBySsrc.put(consumer.ssrc(i), consumer);
            if (consumer.rtxSsrc(i) >= 0) {
                consumersBySsrc.put(consumer.rtxSsrc(i), consumer);
            }
        }
        consumer.producer().addConsumer(consumer);
    }

    public Collection<Producer> producers() { return Collections.unmodifiableCollection(producers.values()); }
    public Collection<Consumer> consumers() { return Collections.unmodifiableCollection(consumers.values()); }

    /** Periodic work: key-frame request and NACK retries, simulcast layer choice, SR/RR about once a second. */
    public void onTick(long nowMillis) {
        if (closed) {
            return;
        }
        for (Producer p : producers.values()) {
            p.onTick(nowMillis);
        }
        for (Consumer c : consumers.values()) {
            c.onTick(nowMillis);
        }
        if (transportCc != null && transportCc.hasPending() && isConnected()
                && (lastTransportCcFeedbackAtMillis == Long.MIN_VALUE
                || nowMillis - lastTransportCcFeedbackAtMillis >= TRANSPORT_CC_FEEDBACK_INTERVAL_MILLIS)) {
            lastTransportCcFeedbackAtMillis = nowMillis;
            sendTransportCcFeedback();
        }
        if (lastReportsAtMillis == Long.MIN_VALUE || nowMillis - lastReportsAtMillis >= RTCP_REPORT_INTERVAL_MILLIS) {
            lastReportsAtMillis = nowMillis;
            if (isConnected()) {
                reporter.sendReceiverReports(producers.values(), nowMillis);
                reporter.sendSenderReports(consumers.values(), nowMillis);
            }
        }
    }

    /** Closes its producers (and their consumers everywhere) and its consumers, telling their listeners. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Producer p : new ArrayList<>(producers.values())) {
            p.closeByTransport();
        }
        for (Consumer c : new ArrayList<>(consumers.values())) {
            c.closeBy("transport closed");
        }
        router.onTransportClosed(this);
    }

    public TransportStats stats() {
        long now = nowMillis();
        return new TransportStats(id, rtpPacketsReceived, rtpBytesReceived, rtpPacketsSent, rtpBytesSent,
                rtcpPacketsReceived, rtcpPacketsSent, receiveBitrate.bitsPerSecond(now), sendBitrate.bitsPerSecond(now),
                droppedMalformedRtp, droppedUnknownSsrc, droppedUnknownPayloadType, droppedRtxPadding,
                rtcpReceiver.malformed(), rtcpReceiver.transportCcFeedbacks(), rtcpReceiver.availableIncomingBitrateBps(),
                rtcpReceiver.rttMillis(), producers.size(), consumers.size());
    }

    // --- the seam with the secure transport below

    /** One decrypted RTP packet from the client: find its producer stream and hand it over. */
    protected final void receiveRtp(PacketBuffer decryptedRtp) {
        if (closed) {
            return;
        }
        if (!incoming.wrap(decryptedRtp)) {
            droppedMalformedRtp++;
            return;
        }
        long now = nowMillis();
        rtpPacketsReceived++;
        rtpBytesReceived += decryptedRtp.getLength();
        receiveBitrate.add(decryptedRtp.getLength(), now);
        long ssrc = incoming.ssrc();
        recordTransportCc(incoming, ssrc, now);
        ProducerStream stream = producerStreamsBySsrc.get(ssrc);
        if (stream == null) {
            stream = learnStream(incoming, ssrc);
            if (stream == null) {
                droppedUnknownSsrc++;
                return;
            }
        }
        boolean retransmission = false;
        if (ssrc == stream.rtxSsrc() && ssrc != stream.ssrc()) {
            int mediaPt = stream.producer().mediaPayloadTypeForRtx(incoming.payloadType());
            if (mediaPt < 0 || stream.ssrc() < 0 || !Rtx.decapsulate(incoming, stream.ssrc(), mediaPt)) {
                droppedRtxPadding++;
                return;
            }
            incoming.wrap(decryptedRtp);
            retransmission = true;
        }
        stream.producer().receiveRtp(stream, incoming, retransmission, now);
    }

    /** One decrypted (compound) RTCP packet from the client. Malformed parts are counted and skipped. */
    protected final void receiveRtcp(PacketBuffer decryptedRtcp) {
        if (closed) {
            return;
        }
        rtcpPacketsReceived++;
        rtcpReceiver.receive(decryptedRtcp, nowMillis());
    }

    /** Encrypts {@code rtp} in place and sends it now; the caller reuses the buffer after return. */
    protected abstract void sendRtp(PacketBuffer rtp);

    protected abstract void sendRtcp(PacketBuffer rtcp);

    /** Media flows only when true (ICE and DTLS connected). */
    protected abstract boolean isConnected();

    /** The media clock in epoch milliseconds; tests override it to drive time by hand. */
    protected long nowMillis() {
        return System.currentTimeMillis();
    }

    // --- engine internals (called by Producer and Consumer)

    /** {@code nowMillis} is the fan-out's clock reading: one read per incoming packet, not one per consumer. */
    void sendRtpOf(Consumer consumer, PacketBuffer rtp, long nowMillis) {
        if (!isConnected()) {
            return;
        }
        rtpPacketsSent++;
        rtpBytesSent += rtp.getLength();
        sendBitrate.add(rtp.getLength(), nowMillis);
        sendRtp(rtp);
    }

    void sendKeyFrameRequest(ProducerStream stream) {
        if (!isConnected()) {
            return;
        }
        rtcpOut.setLength(0);
        if (stream.producer().useFir()) {
            new Fir(rtcpSenderSsrc, stream.ssrc(), firSequence++ & 0xFF).writeTo(rtcpOut, 0);
        } else {
            new Pli(rtcpSenderSsrc, stream.ssrc()).writeTo(rtcpOut, 0);
        }
        sendRtcpPacket(rtcpOut);
    }

    void sendNacksFor(ProducerStream stream, long nowMillis) {
        if (!isConnected()) {
            return;
        }
        long rtt = rtcpReceiver.rttMillis() > 0 ? (long) rtcpReceiver.rttMillis() : 0;
        int n = stream.nackGenerator().collect(nowMillis, rtt, seqScratch);
        if (n == 0) {
            return;
        }
        stream.onNacksSent(n);
        rtcpOut.setLength(0);
        GenericNack.write(rtcpOut, 0, rtcpSenderSsrc, stream.ssrc(), seqScratch, n);
        sendRtcpPacket(rtcpOut);
    }

    void countUnknownPayloadType() {
        droppedUnknownPayloadType++;
    }

    void onProducerClosed(Producer p) {
        producers.remove(p.id());
        for (int i = 0; i < p.streamCount(); i++) {
            producerStreamsBySsrc.removeValue(p.stream(i));
        }
    }

    void onConsumerClosed(Consumer c) {
        consumers.remove(c.id());
        consumersBySsrc.removeValue(c);
    }

    // --- private

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("transport " + id + " is closed");
        }
    }

    /**
     * An SSRC seen for the first time: find its producer by the MID header extension, then its stream by RID
     * (or repaired RID for RTX), and remember the SSRC.
     */
    private ProducerStream learnStream(RtpPacket packet, long ssrc) {
        for (Producer producer : producers.values()) {
            int midId = producer.midExtensionId();
            if (midId > 0) {
                String mid = packet.extensionString(midId);
                if (mid == null || !mid.equals(producer.rtpParameters().mid())) {
                    continue;
                }
            } else if (producers.size() > 1) {
                continue;
            }
            String rid = producer.ridExtensionId() > 0 ? packet.extensionString(producer.ridExtensionId()) : null;
            String repairedRid = producer.repairedRidExtensionId() > 0
                    ? packet.extensionString(producer.repairedRidExtensionId()) : null;
            ProducerStream stream = null;
            if (rid != null) {
                stream = producer.streamByRid(rid);
                if (stream != null) stream.learnSsrc(ssrc);
            } else if (repairedRid != null) {
                stream = producer.streamByRid(repairedRid);
                if (stream != null) stream.learnRtxSsrc(ssrc);
            } else if (producer.streamCount() == 1 && producer.stream(0).ssrc() < 0) {
                stream = producer.stream(0);
                stream.learnSsrc(ssrc);
            }
            if (stream != null) {
                log.debug("transport {}: learned ssrc {} for producer {} stream {}", id, ssrc, producer.id(),
                        stream.index());
                producerStreamsBySsrc.put(ssrc, stream);
                return stream;
            }
        }
        return null;
    }

    /**
     * Every packet carrying a transport-wide sequence number is recorded before anything may drop it, so the
     * sender's bandwidth probes (RTX padding) count as received.
     */
    private void recordTransportCc(RtpPacket packet, long ssrc, long now) {
        if (transportCcExtensionId == 0) {
            return;
        }
        int offset = packet.extensionValueOffset(transportCcExtensionId);
        if (offset < 0 || packet.extensionValueLength(transportCcExtensionId) != 2) {
            return;
        }
        if (transportCc == null) {
            transportCc = new TransportCcRecorder(now);
        }
        transportCc.onPacket(packet.buffer().getUnsignedShort(offset), now);
        lastTransportCcMediaSsrc = ssrc;
    }

    private void sendTransportCcFeedback() {
        for (int i = 0; i < 3 && transportCc.hasPending(); i++) {
            rtcpOut.setLength(0);
            if (transportCc.writeFeedback(rtcpOut, 0, rtcpSenderSsrc, lastTransportCcMediaSsrc) == 0) {
                return;
            }
            sendRtcpPacket(rtcpOut);
        }
    }

    private void sendRtcpPacket(PacketBuffer rtcp) {
        rtcpPacketsSent++;
        sendRtcp(rtcp);
    }
}
