package dev.sfu.media.ortc;

import java.util.List;
import java.util.Map;

/**
 * A codec a router (or a device) can handle, in mediasoup's RtpCodecCapability shape.
 * {@code kind} is "audio" or "video"; {@code channels} is null for video.
 */
public record RtpCodecCapability(
        String kind,
        String mimeType,
        Integer preferredPayloadType,
        int clockRate,
        Integer channels,
        Map<String, Object> parameters,
        List<RtcpFeedback> rtcpFeedback) {
}
