package dev.sfu.media.engine;

import dev.sfu.media.ortc.HeaderExtensionUris;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.ortc.RtcpFeedback;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpHeaderExtensionParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.ortc.RtxParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.testing.PacketFixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Producer parameters as mediasoup-client sends them from Chrome, matching the packet fixtures. */
final class EngineFixtures {
    static final long OPUS_SSRC = 0x5e2c8a11L;
    static final long VP8_SSRC = 0xf7b16e83L;
    static final long VP8_RTX_SSRC = 0x0badcafeL;
    static final int VP8_START_SEQ = 6751;
    static final long VP8_TS = 3557360969L;

    static final List<RtcpFeedback> VIDEO_FB = List.of(new RtcpFeedback("goog-remb", ""),
            new RtcpFeedback("transport-cc", ""), new RtcpFeedback("ccm", "fir"), new RtcpFeedback("nack", ""),
            new RtcpFeedback("nack", "pli"));

    private EngineFixtures() {
    }

    static RtpCapabilities routerCaps() {
        return Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs());
    }

    /** A device that receives everything the router offers except RTX. */
    static RtpCapabilities capsWithoutRtx(RtpCapabilities caps) {
        return new RtpCapabilities(caps.codecs().stream().filter(c -> !c.mimeType().toLowerCase().endsWith("/rtx"))
                .toList(), caps.headerExtensions());
    }

    static RtpParameters opusParameters() {
        return new RtpParameters("0",
                List.of(new RtpCodecParameters("audio/opus", 111, 48000, 2, Map.of("minptime", 10, "useinbandfec", 1),
                        List.of(new RtcpFeedback("transport-cc", "")))),
                List.of(ext(HeaderExtensionUris.SSRC_AUDIO_LEVEL, 1), ext(HeaderExtensionUris.ABS_SEND_TIME, 2),
                        ext(HeaderExtensionUris.TRANSPORT_WIDE_CC, 3), ext(HeaderExtensionUris.MID, 4)),
                List.of(new RtpEncodingParameters(OPUS_SSRC, null, null, null, false, null, null)),
                new RtcpParameters("ydoU8QrBBjvFVe2p", true, true));
    }

    /** Chrome's VP8 with RTX; extension ids as in the captured VP8 packets (2 abs-send-time, 4 tcc, 9 mid). */
    static RtpParameters vp8Parameters() {
        return new RtpParameters("1", vp8Codecs(), vp8Extensions(),
                List.of(new RtpEncodingParameters(VP8_SSRC, null, null, new RtxParameters(VP8_RTX_SSRC), null, null,
                        null)),
                new RtcpParameters("ydoU8QrBBjvFVe2p", true, true));
    }

    /** Three simulcast layers announced by RID only (SSRCs are learned from the wire). */
    static RtpParameters vp8SimulcastParameters() {
        List<RtpHeaderExtensionParameters> exts = new ArrayList<>(vp8Extensions());
        exts.add(ext(HeaderExtensionUris.RTP_STREAM_ID, 10));
        exts.add(ext(HeaderExtensionUris.REPAIRED_RTP_STREAM_ID, 11));
        return new RtpParameters("2", vp8Codecs(), exts,
                List.of(layer("r0"), layer("r1"), layer("r2")), new RtcpParameters("ydoU8QrBBjvFVe2p", true, true));
    }

    private static RtpEncodingParameters layer(String rid) {
        return new RtpEncodingParameters(null, rid, null, null, null, "L1T3", null);
    }

    private static List<RtpCodecParameters> vp8Codecs() {
        return List.of(new RtpCodecParameters("video/VP8", 96, 90000, null, Map.of(), VIDEO_FB),
                new RtpCodecParameters("video/rtx", 97, 90000, null, Map.of("apt", 96), List.of()));
    }

    private static List<RtpHeaderExtensionParameters> vp8Extensions() {
        return List.of(ext(HeaderExtensionUris.ABS_SEND_TIME, 2), ext(HeaderExtensionUris.TRANSPORT_WIDE_CC, 4),
                ext(HeaderExtensionUris.MID, 9));
    }

    private static RtpHeaderExtensionParameters ext(String uri, int id) {
        return new RtpHeaderExtensionParameters(uri, id, false, Map.of());
    }

    /** A fixture with its seq/ts/ssrc replaced. */
    static byte[] packet(String fixture, int seq, long ts, long ssrc) {
        PacketBuffer p = PacketFixtures.buffer(fixture);
        RtpPacket rtp = new RtpPacket();
        if (!rtp.wrap(p)) throw new IllegalStateException(fixture);
        rtp.setSequenceNumber(seq);
        rtp.setTimestamp(ts);
        rtp.setSsrc(ssrc);
        return p.toByteArray();
    }

    static byte[] vp8(boolean keyFrame, int seq, long ts) {
        return packet(keyFrame ? "vp8-keyframe-abs-send-time-tcc.hex" : "vp8-delta-abs-send-time-tcc.hex", seq, ts,
                VP8_SSRC);
    }

    static byte[] opus(int seq, long ts) {
        return packet("opus-audio-level-mid.hex", seq, ts, OPUS_SSRC);
    }

    /**
     * A simulcast VP8 packet as Chrome sends it before the SSRC is known: one-byte extensions mid (9) and rid
     * (10), then the VP8 payload.
     */
    static byte[] simulcastVp8(String rid, long ssrc, int seq, long ts, boolean keyFrame) {
        byte[] vp8 = vp8(keyFrame, seq, ts);
        RtpPacket rtp = new RtpPacket();
        rtp.wrap(PacketBuffer.wrap(vp8, 0, vp8.length));
        int payloadOffset = rtp.payloadOffset();
        byte[] ridBytes = rid.getBytes();
        // mid "2" (id 9, 1 byte) + rid (id 10) + padding to a word
        int extLen = 2 + 1 + ridBytes.length;
        int words = (extLen + 3) / 4;
        byte[] out = new byte[12 + 4 + words * 4 + vp8.length - payloadOffset];
        System.arraycopy(vp8, 0, out, 0, 12);
        out[0] = (byte) 0x90;
        out[12] = (byte) 0xBE;
        out[13] = (byte) 0xDE;
        out[15] = (byte) words;
        out[16] = (byte) 0x90;
        out[17] = '2';
        out[18] = (byte) ((10 << 4) | (ridBytes.length - 1));
        System.arraycopy(ridBytes, 0, out, 19, ridBytes.length);
        System.arraycopy(vp8, payloadOffset, out, 16 + words * 4, vp8.length - payloadOffset);
        PacketBuffer p = PacketBuffer.wrap(out, 0, out.length);
        p.setInt(8, ssrc);
        return out;
    }

    static RtpPacket parse(byte[] bytes) {
        RtpPacket rtp = new RtpPacket();
        if (!rtp.wrap(PacketBuffer.wrap(bytes, 0, bytes.length))) throw new IllegalStateException("not RTP");
        return rtp;
    }
}
