package dev.sfu.media.ortc;

import java.util.Map;
import java.util.Objects;

/**
 * Decides whether two codec descriptions (capability or parameters) describe the same codec: mimeType
 * (case-insensitive), clock rate, channels for audio, and, when {@code strict}, the codec-specific parameters
 * that make two streams incompatible (H.264 packetization-mode and profile, VP9 profile-id).
 */
final class CodecMatcher {

    /** The fields matching looks at, taken from either a capability or a negotiated codec. */
    record Codec(String mimeType, int clockRate, Integer channels, Map<String, Object> parameters) {
        static Codec of(RtpCodecCapability c) {
            return new Codec(c.mimeType(), c.clockRate(), c.channels(), c.parameters());
        }

        static Codec of(RtpCodecParameters c) {
            return new Codec(c.mimeType(), c.clockRate(), c.channels(), c.parameters());
        }
    }

    private CodecMatcher() {
    }

    static boolean matches(Codec a, Codec b, boolean strict) {
        if (a.mimeType() == null || b.mimeType() == null) return false;
        String mime = CodecMime.lower(a.mimeType());
        if (!mime.equals(CodecMime.lower(b.mimeType()))) return false;
        if (a.clockRate() != b.clockRate()) return false;
        if (mime.startsWith("audio/") && !Objects.equals(channels(a), channels(b))) return false;
        if (!strict) return true;
        return switch (mime) {
            case "video/h264" -> packetizationMode(a) == packetizationMode(b)
                    && H264ProfileLevelId.sameProfile(a.parameters(), b.parameters());
            case "video/vp9" -> CodecParameters.integerOr(a.parameters(), "profile-id", 0)
                    == CodecParameters.integerOr(b.parameters(), "profile-id", 0);
            default -> true;
        };
    }

    /** Audio without a channel count is mono. */
    private static int channels(Codec codec) {
        return codec.channels() == null ? 1 : codec.channels();
    }

    /** RFC 6184: a missing packetization-mode means mode 0 (single NAL unit). */
    private static int packetizationMode(Codec codec) {
        return CodecParameters.integerOr(codec.parameters(), "packetization-mode", 0);
    }
}
