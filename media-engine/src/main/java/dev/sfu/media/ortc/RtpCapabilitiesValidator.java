package dev.sfu.media.ortc;

import java.util.List;
import java.util.Set;

/** Checks RTP capabilities (a router's, or a device's sent by a client) and says exactly what is wrong. */
final class RtpCapabilitiesValidator {

    private static final Set<String> DIRECTIONS = Set.of("sendrecv", "sendonly", "recvonly", "inactive");

    private RtpCapabilitiesValidator() {
    }

    static void validate(RtpCapabilities caps) {
        if (caps == null) throw new OrtcException("rtpCapabilities are missing");
        if (caps.codecs() == null) throw new OrtcException("rtpCapabilities.codecs is missing");
        List<RtpCodecCapability> codecs = caps.codecs();
        for (int i = 0; i < codecs.size(); i++) {
            String where = "rtpCapabilities.codecs[" + i + "]";
            RtpCodecCapability codec = codecs.get(i);
            if (codec == null) throw new OrtcException(where + " is null");
            validateCodec(codec, where);
        }
        List<RtpHeaderExtensionCapability> extensions = caps.headerExtensions();
        if (extensions == null) return;
        for (int i = 0; i < extensions.size(); i++) {
            validateHeaderExtension(extensions.get(i), "rtpCapabilities.headerExtensions[" + i + "]");
        }
    }

    static void validateCodec(RtpCodecCapability codec, String where) {
        if (codec.kind() == null) throw new OrtcException(where + ".kind is missing");
        MediaKind kind = kind(codec.kind(), where);
        MediaKind mimeKind = CodecMime.kindOf(codec.mimeType()).orElseThrow(() -> new OrtcException(
                codec.mimeType() == null ? where + ".mimeType is missing"
                        : where + ".mimeType '" + codec.mimeType() + "' is not of the form audio/x or video/x"));
        if (mimeKind != kind) {
            throw new OrtcException(where + ": mimeType " + codec.mimeType() + " does not match kind " + codec.kind());
        }
        if (codec.preferredPayloadType() != null) {
            RtpParametersValidator.checkPayloadType(codec.preferredPayloadType(), where + ".preferredPayloadType");
        }
        if (codec.clockRate() <= 0) {
            throw new OrtcException(where + ".clockRate must be positive (got " + codec.clockRate() + ")");
        }
        if (codec.channels() != null && codec.channels() <= 0) {
            throw new OrtcException(where + ".channels must be positive (got " + codec.channels() + ")");
        }
        RtpParametersValidator.checkParameterValues(codec.parameters(), where + ".parameters");
        if (CodecMime.isRtx(codec.mimeType())) {
            RtpParametersValidator.checkApt(codec.parameters(), where);
        }
        RtpParametersValidator.checkFeedback(codec.rtcpFeedback(), where + ".rtcpFeedback");
    }

    private static void validateHeaderExtension(RtpHeaderExtensionCapability ext, String where) {
        if (ext == null) throw new OrtcException(where + " is null");
        if (ext.kind() != null && !ext.kind().isEmpty()) kind(ext.kind(), where);
        if (ext.uri() == null || ext.uri().isBlank()) throw new OrtcException(where + ".uri is missing");
        RtpParametersValidator.checkExtensionId(ext.preferredId(), where + ".preferredId");
        if (ext.direction() != null && !DIRECTIONS.contains(ext.direction())) {
            throw new OrtcException(where + ".direction '" + ext.direction()
                    + "' is not one of sendrecv, sendonly, recvonly, inactive");
        }
    }

    private static MediaKind kind(String kind, String where) {
        try {
            return MediaKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw new OrtcException(where + ": " + e.getMessage());
        }
    }

}
