package dev.sfu.media.engine;

import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtp.HeaderExtensionIdMap;
import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.rtp.Rtx;

/**
 * The pipe mode of a {@link Consumer}: every stream of the producer (all simulcast layers) goes to the other SFU
 * under its own pipe SSRC, with the router's payload types, sequence numbers and timestamps unchanged, so the far
 * side sees the producer as it is here. NACKs are answered per stream from the producer's cache (as RTX when the
 * pipe negotiated it) and key-frame requests go to the stream they name. No layer selection, no key-frame gating.
 */
final class PipeStreams {
    // passed by argument
    private final Consumer consumer;
    private final Producer producer;

    // allocated by this
    private final long[] ssrcs;
    private final long[] rtxSsrcs;
    private final int[] rtxSeqs;
    private final long[] packets;
    private final long[] bytes;
    private final long[] lastTimestamps;
    private final long[] lastSentAtMillis;
    /** Router media payload type to the pipe's RTX payload type for it. */
    private final PayloadTypeMap rtxPayloadTypes = new PayloadTypeMap();
    private final HeaderExtensionIdMap extensionIds;
    private final PacketBuffer scratch = new PacketBuffer();
    private final PacketBuffer rtxScratch = new PacketBuffer();
    private final RtpPacket outgoing = new RtpPacket();

    PipeStreams(Consumer consumer, Producer producer, RtpParameters pipeParameters) {
        this.consumer = consumer;
        this.producer = producer;
        int n = producer.streamCount();
        if (pipeParameters.encodings().size() != n) {
            throw new IllegalArgumentException("pipe parameters have " + pipeParameters.encodings().size()
                    + " encodings for a producer with " + n + " streams");
        }
        ssrcs = new long[n];
        rtxSsrcs = new long[n];
        rtxSeqs = new int[n];
        packets = new long[n];
        bytes = new long[n];
        lastTimestamps = new long[n];
        lastSentAtMillis = new long[n];
        for (int i = 0; i < n; i++) {
            RtpEncodingParameters enc = pipeParameters.encodings().get(i);
            ssrcs[i] = enc.ssrc();
            rtxSsrcs[i] = enc.rtx() == null ? -1 : enc.rtx().ssrc();
            rtxSeqs[i] = (int) (Math.random() * 0xFFFF);
        }
        for (RtpCodecParameters c : pipeParameters.codecs()) {
            if (RtpParametersInfo.isRtx(c) && RtpParametersInfo.apt(c) >= 0) {
                rtxPayloadTypes.put(RtpParametersInfo.apt(c), c.payloadType());
            }
        }
        this.extensionIds = RtpParametersInfo.extensionIdMap(producer.consumableRtpParameters(), pipeParameters);
    }

    int streamCount() { return ssrcs.length; }
    long ssrc(int index) { return ssrcs[index]; }
    long rtxSsrc(int index) { return rtxSsrcs[index]; }
    long packetsSent(int index) { return packets[index]; }
    long bytesSent(int index) { return bytes[index]; }

    /** The stream whose pipe SSRC (media or RTX) this is, or -1. */
    int indexOf(long ssrc) {
        for (int i = 0; i < ssrcs.length; i++) {
            if (ssrcs[i] == ssrc || rtxSsrcs[i] == ssrc) {
                return i;
            }
        }
        return -1;
    }

    /** Sends one router-normalised packet of {@code stream} under its pipe SSRC; the input is left untouched. */
    void forward(RtpPacket packet, ProducerStream stream, long nowMillis) {
        int i = stream.index();
        scratch.copyFrom(packet.buffer());
        outgoing.wrap(scratch);
        outgoing.setSsrc(ssrcs[i]);
        extensionIds.apply(outgoing);
        packets[i]++;
        bytes[i] += scratch.getLength();
        lastTimestamps[i] = outgoing.timestamp();
        lastSentAtMillis[i] = nowMillis;
        consumer.transport().sendRtpOf(consumer, scratch);
    }

    /** The far side lost these sequence numbers of the stream sent as {@code mediaSsrc}: resend from the cache. */
    int resend(long mediaSsrc, int[] seqs, int count) {
        int i = indexOf(mediaSsrc);
        if (i < 0 || ssrcs[i] != mediaSsrc) {
            return 0;
        }
        ProducerStream stream = producer.stream(i);
        if (stream.cache() == null) {
            return 0;
        }
        int sent = 0;
        for (int k = 0; k < count; k++) {
            PacketBuffer cached = stream.cache().get(seqs[k]);
            if (cached == null) {
                continue;
            }
            scratch.copyFrom(cached);
            outgoing.wrap(scratch);
            outgoing.setSsrc(ssrcs[i]);
            extensionIds.apply(outgoing);
            int rtxPt = rtxPayloadTypes.map(outgoing.payloadType());
            if (rtxSsrcs[i] >= 0 && rtxPt >= 0) {
                Rtx.encapsulate(outgoing, rtxScratch, rtxSsrcs[i], rtxPt, rtxSeqs[i]);
                rtxSeqs[i] = (rtxSeqs[i] + 1) & 0xFFFF;
                consumer.transport().sendRtpOf(consumer, rtxScratch);
            } else {
                consumer.transport().sendRtpOf(consumer, scratch);
            }
            sent++;
        }
        return sent;
    }

    /** A key-frame request for the stream sent as {@code mediaSsrc} (or for all, when it names none of ours). */
    void requestKeyFrame(long mediaSsrc, long nowMillis) {
        int i = indexOf(mediaSsrc);
        if (i >= 0) {
            producer.requestKeyFrame(producer.stream(i), nowMillis);
        } else {
            requestKeyFrames(nowMillis);
        }
    }

    void requestKeyFrames(long nowMillis) {
        for (int i = 0; i < ssrcs.length; i++) {
            producer.requestKeyFrame(producer.stream(i), nowMillis);
        }
    }

    /**
     * NTP and RTP time of "now" for a Sender Report about stream {@code index}. Timestamps cross the pipe
     * unchanged, so the producer's own SR mapping applies as is. False when the stream sent nothing yet.
     */
    boolean senderReportTimes(int index, long nowMillis, long[] ntpAndRtp) {
        if (packets[index] == 0) {
            return false;
        }
        ProducerStream stream = producer.stream(index);
        int clockRate = stream.clockRate();
        ntpAndRtp[0] = NtpTime.fromUnixMillis(nowMillis);
        if (stream.haveSenderReport()) {
            long elapsed = nowMillis - stream.senderReportReceivedAtMillis();
            ntpAndRtp[1] = (stream.senderReportRtp() + elapsed * clockRate / 1000) & 0xFFFFFFFFL;
        } else {
            long elapsed = nowMillis - lastSentAtMillis[index];
            ntpAndRtp[1] = (lastTimestamps[index] + elapsed * clockRate / 1000) & 0xFFFFFFFFL;
        }
        return true;
    }
}
