package dev.sfu.media.ortc;

import java.util.List;
import java.util.Map;

/** One codec inside RtpParameters, bound to a payload type. */
public record RtpCodecParameters(
        String mimeType,
        int payloadType,
        int clockRate,
        Integer channels,
        Map<String, Object> parameters,
        List<RtcpFeedback> rtcpFeedback) {
}
