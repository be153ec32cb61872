package dev.sfu.bench;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtcpFeedback;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpHeaderExtensionParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.ortc.RtxParameters;
import dev.sfu.media.packet.PacketBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The two streams the benchmarks push: what Chrome sends for a microphone (opus, 20 ms, about 160 payload bytes)
 * and for a camera (VP8, packets of about 1200 payload bytes). Each knows its producer parameters (as
 * mediasoup-client sends them) and writes its packets the way Chrome lays them out: a one-byte header-extension
 * block carrying the same extensions Chrome negotiates, then the payload.
 */
public enum SampleStream {
    AUDIO(MediaKind.AUDIO, 111, 0x1A2B3C4DL, 960, 160),
    VIDEO(MediaKind.VIDEO, 96, 0x5E6F7081L, 3000, 1200);

    private static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    private static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    private static final String TRANSPORT_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    private static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private static final int AUDIO_LEVEL_ID = 1;
    private static final int ABS_SEND_TIME_ID = 2;
    private static final int TRANSPORT_CC_ID = 3;
    private static final int MID_ID = 4;
    /** Header (12) + extension header (4) + 12 bytes of elements, for both streams. */
    static final int HEADER_LENGTH = 28;

    private final MediaKind kind;
    private final int payloadType;
    private final long ssrc;
    private final int timestampStep;
    private final int payloadSize;

    SampleStream(MediaKind kind, int payloadType, long ssrc, int timestampStep, int payloadSize) {
        this.kind = kind;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.timestampStep = timestampStep;
        this.payloadSize = payloadSize;
    }

    MediaKind kind() { return kind; }
    long ssrc() { return ssrc; }
    int timestampStep() { return timestampStep; }
    int payloadSize() { return payloadSize; }

    /** What mediasoup-client sends with {@code produce} for this stream. */
    RtpParameters producerParameters() {
        RtcpParameters rtcp = new RtcpParameters("benchcname", true, null);
        if (kind == MediaKind.AUDIO) {
            RtpCodecParameters opus = new RtpCodecParameters("audio/opus", payloadType, 48000, 2,
                    Map.of("minptime", 10, "useinbandfec", 1),
                    List.of(new RtcpFeedback("transport-cc", ""), new RtcpFeedback("nack", "")));
            return new RtpParameters("0", List.of(opus), List.of(ext(AUDIO_LEVEL, AUDIO_LEVEL_ID),
                    ext(ABS_SEND_TIME, ABS_SEND_TIME_ID), ext(TRANSPORT_CC, TRANSPORT_CC_ID), ext(MID, MID_ID)),
                    List.of(new RtpEncodingParameters(ssrc, null, null, null, false, null, null)), rtcp);
        }
        RtpCodecParameters vp8 = new RtpCodecParameters("video/VP8", payloadType, 90000, null, Map.of(),
                List.of(new RtcpFeedback("goog-remb", ""), new RtcpFeedback("transport-cc", ""),
                        new RtcpFeedback("ccm", "fir"), new RtcpFeedback("nack", ""), new RtcpFeedback("nack", "pli")));
        RtpCodecParameters rtx = new RtpCodecParameters("video/rtx", payloadType + 1, 90000, null,
                Map.of("apt", payloadType), List.of());
        return new RtpParameters("1", List.of(vp8, rtx), List.of(ext(ABS_SEND_TIME, ABS_SEND_TIME_ID),
                ext(TRANSPORT_CC, TRANSPORT_CC_ID), ext(MID, MID_ID)),
                List.of(new RtpEncodingParameters(ssrc, null, null, new RtxParameters(ssrc + 1), false, null, null)),
                rtcp);
    }

    /** A payload of {@code size} fixed-seed random bytes (the cipher does not care what it encrypts). */
    static byte[] payload(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /**
     * Writes one packet of this stream into {@code into} (from offset 0). For video the first payload bytes are a
     * VP8 payload descriptor and frame-header byte saying key frame or not; the rest is {@code payload}.
     */
    void write(PacketBuffer into, int seq, long timestamp, byte[] payload, boolean keyFrame) {
        int length = HEADER_LENGTH + payload.length;
        into.setOffset(0);
        into.setLength(length);
        if (into.getBuffer().length < length) {
            throw new IllegalArgumentException("buffer too small for " + length + " bytes");
        }
        into.setByte(0, 0x90);                        // V=2, X=1
        into.setByte(1, payloadType);
        into.setShort(2, seq);
        into.setInt(4, timestamp);
        into.setInt(8, ssrc);
        into.setShort(12, 0xBEDE);                    // one-byte header extensions
        into.setShort(14, 3);                         // 3 words of elements follow
        writeExtensionElements(into, seq);
        System.arraycopy(payload, 0, into.getBuffer(), HEADER_LENGTH, payload.length);
        if (kind == MediaKind.VIDEO) {
            into.setByte(HEADER_LENGTH, 0x10);        // VP8 descriptor: S=1, partition 0
            into.setByte(HEADER_LENGTH + 1, keyFrame ? 0x00 : 0x01); // frame header P bit: 0 = key frame
        }
    }

    private void writeExtensionElements(PacketBuffer p, int seq) {
        int i = 16;
        if (kind == MediaKind.AUDIO) {
            p.setByte(i++, AUDIO_LEVEL_ID << 4);      // 1 byte: voice activity + level
            p.setByte(i++, 0xA5);
        }
        p.setByte(i++, ABS_SEND_TIME_ID << 4 | 2);    // 3 bytes
        p.setByte(i++, 0x12);
        p.setShort(i, 0x3456);
        i += 2;
        p.setByte(i++, TRANSPORT_CC_ID << 4 | 1);     // 2 bytes: transport-wide sequence number
        p.setShort(i, seq);
        i += 2;
        p.setByte(i++, MID_ID << 4);                  // 1 byte: the mid
        p.setByte(i++, kind == MediaKind.AUDIO ? '0' : '1');
        while (i < HEADER_LENGTH) {
            p.setByte(i++, 0);                        // padding to the word boundary
        }
    }

    private static RtpHeaderExtensionParameters ext(String uri, int id) {
        return new RtpHeaderExtensionParameters(uri, id, false, Map.of());
    }
}
