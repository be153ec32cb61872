package dev.sfu.media.engine;

import dev.sfu.media.ortc.RtcpFeedback;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpHeaderExtensionParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.rtp.HeaderExtensionIdMap;

import java.util.List;
import java.util.Locale;

/** Read-only questions the engine asks of negotiated RtpParameters (codec of an encoding, RTX, extension ids). */
final class RtpParametersInfo {
    static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    static final String RID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    static final String REPAIRED_RID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    static final String TRANSPORT_CC_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    private RtpParametersInfo() {
    }

    static boolean isRtx(RtpCodecParameters codec) {
        return codec.mimeType() != null && codec.mimeType().toLowerCase(Locale.ROOT).endsWith("/rtx");
    }

    /** The RTX codec's "apt" (the payload type it repairs), or -1. */
    static int apt(RtpCodecParameters codec) {
        Object apt = codec.parameters() == null ? null : codec.parameters().get("apt");
        if (apt instanceof Number) {
            return ((Number) apt).intValue();
        }
        if (apt instanceof String) {
            try {
                return Integer.parseInt((String) apt);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The media codec with this payload type, or the first media codec when {@code payloadType} is null. */
    static RtpCodecParameters mediaCodec(RtpParameters params, Integer payloadType) {
        for (RtpCodecParameters c : codecs(params)) {
            if (!isRtx(c) && (payloadType == null || c.payloadType() == payloadType)) {
                return c;
            }
        }
        return null;
    }

    /** The payload type of the RTX codec repairing {@code mediaPayloadType}, or -1. */
    static int rtxPayloadTypeFor(RtpParameters params, int mediaPayloadType) {
        for (RtpCodecParameters c : codecs(params)) {
            if (isRtx(c) && apt(c) == mediaPayloadType) {
                return c.payloadType();
            }
        }
        return -1;
    }

    static boolean hasFeedback(RtpCodecParameters codec, String type, String parameter) {
        if (codec == null || codec.rtcpFeedback() == null) {
            return false;
        }
        for (RtcpFeedback fb : codec.rtcpFeedback()) {
            if (type.equalsIgnoreCase(fb.type()) && parameter.equalsIgnoreCase(fb.parameter())) {
                return true;
            }
        }
        return false;
    }

    /** The id negotiated for {@code uri}, or 0 when the extension is not used. */
    static int extensionId(RtpParameters params, String uri) {
        if (params.headerExtensions() == null) {
            return 0;
        }
        for (RtpHeaderExtensionParameters e : params.headerExtensions()) {
            if (uri.equals(e.uri())) {
                return e.id();
            }
        }
        return 0;
    }

    /** Maps each extension id of {@code from} to the id of the same URI in {@code to}; others are dropped. */
    static HeaderExtensionIdMap extensionIdMap(RtpParameters from, RtpParameters to) {
        HeaderExtensionIdMap map = new HeaderExtensionIdMap();
        if (from.headerExtensions() == null) {
            return map;
        }
        for (RtpHeaderExtensionParameters e : from.headerExtensions()) {
            int toId = extensionId(to, e.uri());
            if (toId > 0 && e.id() > 0 && e.id() <= 255) {
                map.put(e.id(), toId);
            }
        }
        return map;
    }

    private static List<RtpCodecParameters> codecs(RtpParameters params) {
        return params.codecs() == null ? List.of() : params.codecs();
    }
}
