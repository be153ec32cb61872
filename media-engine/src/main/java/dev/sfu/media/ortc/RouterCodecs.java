package dev.sfu.media.ortc;

import java.util.List;

/** The media codecs every router of this SFU offers, and the RTCP feedback each kind gets by default. */
public final class RouterCodecs {

    private static final List<RtcpFeedback> VIDEO_FEEDBACK = List.of(
            new RtcpFeedback("nack", ""),
            new RtcpFeedback("nack", "pli"),
            new RtcpFeedback("ccm", "fir"),
            new RtcpFeedback("goog-remb", ""),
            new RtcpFeedback("transport-cc", ""));

    private static final List<RtcpFeedback> AUDIO_FEEDBACK = List.of(
            new RtcpFeedback("nack", ""),
            new RtcpFeedback("transport-cc", ""));

    private RouterCodecs() {
    }

    /** opus; VP8; VP9 profiles 0 and 2; H.264 Constrained Baseline and Main (packetization-mode 1). */
    public static List<RtpCodecCapability> defaultMediaCodecs() {
        return List.of(
                audio("audio/opus", 48000, 2),
                video("video/VP8"),
                video("video/VP9", "profile-id", 0),
                video("video/VP9", "profile-id", 2),
                video("video/H264", "packetization-mode", 1, "profile-level-id", "42e01f",
                        "level-asymmetry-allowed", 1),
                video("video/H264", "packetization-mode", 1, "profile-level-id", "4d0032",
                        "level-asymmetry-allowed", 1));
    }

    /** Feedback a codec of this kind gets when its capability names none. */
    public static List<RtcpFeedback> defaultFeedback(MediaKind kind) {
        return kind == MediaKind.VIDEO ? VIDEO_FEEDBACK : AUDIO_FEEDBACK;
    }

    private static RtpCodecCapability audio(String mimeType, int clockRate, int channels) {
        return new RtpCodecCapability("audio", mimeType, null, clockRate, channels, CodecParameters.of(),
                AUDIO_FEEDBACK);
    }

    private static RtpCodecCapability video(String mimeType, Object... parameters) {
        return new RtpCodecCapability("video", mimeType, null, 90000, null, CodecParameters.of(parameters),
                VIDEO_FEEDBACK);
    }
}
