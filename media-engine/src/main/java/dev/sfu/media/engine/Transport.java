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
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.Remb;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import dev.sfu.media.rtcp.RtcpHeader;
import dev.sfu.media.rtcp.SenderReport;
import dev.sfu.media.rtcp.SourceDescription;
import dev.sfu.media.rtcp.TransportCcFeedback;
import dev.sfu.media.rtp.BitrateMeter;
import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.ReceiveStreamStatistics;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.Rtx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's connection to a router, seen from the media side: it owns the client's producers and consumers,
 * routes each decrypted RTP/RTCP packet to them, and emits the RTCP a browser expects (SR, RR, PLI/FIR, NACK).
 * Subclasses (WebRtcTransport, PipeTransport) supply the secure link through {@link #sendRtp}/{@link #sendRtcp}
 * and feed {@link #receiveRtp}/{@link #receiveRtcp}. Media-thread confined.
 */
public abstract class Transport {
    static final long RTCP_REPORT_INTERVAL_MILLIS = 1000;
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
    private final RtcpCompoundReader rtcpReader = new RtcpCompoundReader();
    private final PacketBuffer rtcpOut = new PacketBuffer();
    private final int[] seqScratch = new int[512];
    private final long[] timesScratch = new long[2];
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
    private long droppedMalformedRtcp;
    private long transportCcFeedbacks;
    private long availableIncomingBitrateBps;
    private double rttMillis = -1;
    private int firSequence;
    private long lastReportsAtMillis = Long.MIN_VALUE;
    private boolean closed;

    protected Transport(String id, Router router) {
        this.id = id;
        this.router = router;
        this.rtcpSenderSsrc = router.generateSsrc();
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
        return producer;
    }

    /**
     * Creates a consumer of {@code producer} for a device with {@code caps}. Throws {@link OrtcException} when
     * the device cannot receive it. An unpaused video consumer asks the producer for a key frame.
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
        RtpParameters params = Ortc.getConsumerRtpParameters(producer.consumableRtpParameters(), caps, false,
                router::generateSsrc);
        Consumer consumer = new Consumer(consumerId, producer, this, params, paused, listener);
        consumers.put(consumerId, consumer);
        consumersBySsrc.put(consumer.ssrc(), consumer);
        if (consumer.rtxSsrc() >= 0) {
            consumersBySsrc.put(consumer.rtxSsrc(), consumer);
        }
        producer.addConsumer(consumer);
        if (!paused && !producer.paused()) {
            consumer.requestKeyFrame();
        }
        return consumer;
    }

    /**
     * Creates a consumer that feeds {@code producer} into a pipe to another SFU: all its streams, each under a
     * fresh pipe SSRC (and RTX SSRC), with the router's payload types and extension ids. Its
     * {@link Consumer#rtpParameters()} are what the far side's pipe producer must be created with.
     */
    protected final Consumer consumePipe(String consumerId, Producer producer, Consumer.Listener listener) {
        ensureOpen();
        if (consumers.containsKey(consumerId)) {
            throw new IllegalArgumentException("consumer id already in use: " + consumerId);
        }
        if (producer.closed()) {
            throw new IllegalArgumentException("producer " + producer.id() + " is closed");
        }
        RtpParameters params = Ortc.getPipeConsumerRtpParameters(producer.consumableRtpParameters(), true,
                router::generateSsrc);
        Consumer consumer = new Consumer(consumerId, producer, this, params, false, listener, true);
        consumers.put(consumerId, consumer);
        PipeStreams pipe = consumer.pipe();
        for (int i = 0; i < pipe.streamCount(); i++) {
            consumersBySsrc.put(pipe.ssrc(i), consumer);
            if (pipe.rtxSsrc(i) >= 0) {
                consumersBySsrc.put(pipe.rtxSsrc(i), consumer);
            }
        }
        producer.addConsumer(consumer);
        if (!producer.paused()) {
            consumer.requestKeyFrame();
        }
        return consumer;
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
        if (lastReportsAtMillis == Long.MIN_VALUE || nowMillis - lastReportsAtMillis >= RTCP_REPORT_INTERVAL_MILLIS) {
            lastReportsAtMillis = nowMillis;
            if (isConnected()) {
                sendReceiverReports(nowMillis);
                sendSenderReports(nowMillis);
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
            p.close();
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
                droppedMalformedRtp, droppedUnknownSsrc + droppedUnknownPayloadType + droppedRtxPadding,
                droppedMalformedRtcp, availableIncomingBitrateBps, rttMillis, producers.size(), consumers.size());
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
        long now = nowMillis();
        RtcpCompoundReader r = rtcpReader.reset(decryptedRtcp);
        while (r.next()) {
            switch (r.packetType()) {
                case RtcpHeader.PT_SR: onSenderReport(SenderReport.parse(r), now); break;
                case RtcpHeader.PT_RR: onReceiverReport(ReceiverReport.parse(r), now); break;
                case RtcpHeader.PT_PSFB: onPayloadFeedback(r); break;
                case RtcpHeader.PT_RTPFB: onTransportFeedback(r, now); break;
                case RtcpHeader.PT_SDES:
                case RtcpHeader.PT_BYE:
                case RtcpHeader.PT_APP:
                default:
                    break;
            }
        }
        if (r.malformed()) {
            droppedMalformedRtcp++;
        }
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

    void sendRtpOf(Consumer consumer, PacketBuffer rtp) {
        if (!isConnected()) {
            return;
        }
        rtpPacketsSent++;
        rtpBytesSent += rtp.getLength();
        sendBitrate.add(rtp.getLength(), nowMillis());
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
        long rtt = rttMillis > 0 ? (long) rttMillis : 0;
        int n = stream.nackGenerator().collect(nowMillis, rtt, seqScratch);
        if (n == 0) {
            return;
        }
        stream.onNacksSent(n);
        rtcpOut.setLength(0);
        GenericNack.write(rtcpOut, 0, rtcpSenderSsrc, stream.ssrc(), seqScratch, Math.min(n, 256));
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

    private void onSenderReport(SenderReport sr, long now) {
        if (sr == null) {
            droppedMalformedRtcp++;
            return;
        }
        ProducerStream stream = producerStreamsBySsrc.get(sr.senderSsrc());
        if (stream != null && stream.ssrc() == sr.senderSsrc()) {
            stream.onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), now);
        }
        onReportBlocks(sr.reports(), now);
    }

    private void onReceiverReport(ReceiverReport rr, long now) {
        if (rr == null) {
            droppedMalformedRtcp++;
            return;
        }
        onReportBlocks(rr.reports(), now);
    }

    private void onReportBlocks(List<ReportBlock> blocks, long now) {
        long nowNtp = NtpTime.fromUnixMillis(now);
        for (ReportBlock block : blocks) {
            Consumer c = consumersBySsrc.get(block.ssrc());
            if (c != null && c.ssrc() == block.ssrc()) {
                c.onReportBlock(block, nowNtp);
                if (c.rttMillis() >= 0) {
                    rttMillis = c.rttMillis();
                }
            }
        }
    }

    private void onPayloadFeedback(RtcpCompoundReader r) {
        switch (r.countOrFormat()) {
            case RtcpHeader.FMT_PLI: {
                Pli pli = Pli.parse(r);
                Consumer c = pli == null ? null : consumersBySsrc.get(pli.mediaSsrc());
                if (c != null) c.onKeyFrameRequest(pli.mediaSsrc());
                break;
            }
            case RtcpHeader.FMT_FIR: {
                Fir fir = Fir.parse(r);
                Consumer c = fir == null ? null : consumersBySsrc.get(fir.targetSsrc());
                if (c != null) c.onKeyFrameRequest(fir.targetSsrc());
                break;
            }
            case RtcpHeader.FMT_AFB: {
                Remb remb = Remb.parse(r);
                if (remb != null) availableIncomingBitrateBps = remb.bitrateBps();
                break;
            }
            default:
                break;
        }
    }

    private void onTransportFeedback(RtcpCompoundReader r, long now) {
        if (GenericNack.is(r)) {
            long mediaSsrc = GenericNack.mediaSsrc(r);
            Consumer c = consumersBySsrc.get(mediaSsrc);
            if (c != null) {
                int n = GenericNack.lostSequenceNumbers(r, seqScratch);
                c.onNack(mediaSsrc, seqScratch, n, now);
            }
        } else if (TransportCcFeedback.parse(r) != null) {
            transportCcFeedbacks++;
        }
    }

    /** One RR about every producer stream we receive (31 blocks per packet). */
    private void sendReceiverReports(long now) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (Producer p : producers.values()) {
            for (int i = 0; i < p.streamCount(); i++) {
                ProducerStream s = p.stream(i);
                ReceiveStreamStatistics st = s.statistics();
                if (!st.started() || s.ssrc() < 0) {
                    continue;
                }
                blocks.add(new ReportBlock(s.ssrc(), st.takeFractionLost(), st.cumulativeLost(),
                        st.extendedHighestSeq() & 0xFFFFFFFFL, st.jitterRtpUnits() & 0xFFFFFFFFL, s.lastSrField(),
                        s.delaySinceLastSrField(now)));
            }
        }
        for (int from = 0; from < blocks.size(); from += ReceiverReport.MAX_BLOCKS) {
            List<ReportBlock> chunk = blocks.subList(from, Math.min(blocks.size(), from + ReceiverReport.MAX_BLOCKS));
            rtcpOut.setLength(0);
            new ReceiverReport(rtcpSenderSsrc, chunk).writeTo(rtcpOut, 0);
            sendRtcpPacket(rtcpOut);
        }
    }

    /** One SR + SDES(CNAME) compound per consumer that has sent media. */
    private void sendSenderReports(long now) {
        for (Consumer c : consumers.values()) {
            if (c.isPipe()) {
                sendPipeSenderReports(c, now);
                continue;
            }
            if (c.paused() || !c.senderReportTimes(now, timesScratch)) {
                continue;
            }
            rtcpOut.setLength(0);
            int end = new SenderReport(c.ssrc(), timesScratch[0], timesScratch[1], c.packetsSent() & 0xFFFFFFFFL,
                    c.bytesSent() & 0xFFFFFFFFL, List.of()).writeTo(rtcpOut, 0);
            if (c.cname() != null) {
                new SourceDescription(List.of(new SourceDescription.Chunk(c.ssrc(), c.cname()))).writeTo(rtcpOut, end);
            }
            sendRtcpPacket(rtcpOut);
        }
    }

    /** One SR per stream of a pipe consumer (the far side keeps each stream's lip-sync mapping). */
    private void sendPipeSenderReports(Consumer c, long now) {
        PipeStreams pipe = c.pipe();
        for (int i = 0; i < pipe.streamCount(); i++) {
            if (c.paused() || !pipe.senderReportTimes(i, now, timesScratch)) {
                continue;
            }
            rtcpOut.setLength(0);
            int end = new SenderReport(pipe.ssrc(i), timesScratch[0], timesScratch[1],
                    pipe.packetsSent(i) & 0xFFFFFFFFL, pipe.bytesSent(i) & 0xFFFFFFFFL, List.of()).writeTo(rtcpOut, 0);
            if (c.cname() != null) {
                new SourceDescription(List.of(new SourceDescription.Chunk(pipe.ssrc(i), c.cname())))
                        .writeTo(rtcpOut, end);
            }
            sendRtcpPacket(rtcpOut);
        }
    }

    private void sendRtcpPacket(PacketBuffer rtcp) {
        rtcpPacketsSent++;
        sendRtcp(rtcp);
    }
}
