package dev.sfu.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpCodecCapability;
import java.util.Locale;

/**
 * The ORTC side of the load tool, derived from a router's capabilities: what a publisher produces (VP8 and Opus at
 * the router's payload types, one SSRC encoding each, no header extensions) and what a subscriber says it can
 * receive (the same two codecs, no RTX, no header extensions), as the JSON bodies of produce and consume.
 */
final class MediaParameters {
    static final String VIDEO_MIME = "video/VP8";
    static final String AUDIO_MIME = "audio/opus";

    private final RtpCodecCapability video;
    private final RtpCodecCapability audio;

    MediaParameters(RtpCapabilities routerCapabilities) {
        this.video = codec(routerCapabilities, VIDEO_MIME);
        this.audio = codec(routerCapabilities, AUDIO_MIME);
    }

    int videoPayloadType() {
        return video.preferredPayloadType();
    }

    int audioPayloadType() {
        return audio.preferredPayloadType();
    }

    /** Produce's rtpParameters for one stream of {@code kind} ("audio" or "video") sent with {@code ssrc}. */
    JsonNode producerRtpParameters(String kind, long ssrc, String cname) {
        RtpCodecCapability cap = "video".equals(kind) ? video : audio;
        ObjectNode codec = SignalingClient.JSON.createObjectNode()
                .put("mimeType", cap.mimeType())
                .put("payloadType", cap.preferredPayloadType())
                .put("clockRate", cap.clockRate());
        if (cap.channels() != null) {
            codec.put("channels", cap.channels());
        }
        codec.set("parameters", SignalingClient.JSON.valueToTree(cap.parameters() == null ? java.util.Map.of()
                : cap.parameters()));
        ArrayNode feedback = codec.putArray("rtcpFeedback");
        if ("video".equals(kind)) {
            // What a browser offers for VP8: the SFU may NACK and ask for key frames.
            feedback.addObject().put("type", "nack").put("parameter", "");
            feedback.addObject().put("type", "nack").put("parameter", "pli");
            feedback.addObject().put("type", "ccm").put("parameter", "fir");
        }
        ObjectNode params = SignalingClient.JSON.createObjectNode();
        params.put("mid", "video".equals(kind) ? "1" : "0");
        params.putArray("codecs").add(codec);
        params.putArray("headerExtensions");
        params.putArray("encodings").addObject().put("ssrc", ssrc);
        params.putObject("rtcp").put("cname", cname).put("reducedSize", true);
        return params;
    }

    /** Consume's rtpCapabilities: VP8 and Opus as the router has them, without RTX and header extensions. */
    JsonNode receiveCapabilities() {
        ObjectNode caps = SignalingClient.JSON.createObjectNode();
        ArrayNode codecs = caps.putArray("codecs");
        codecs.add(SignalingClient.JSON.valueToTree(audio));
        codecs.add(SignalingClient.JSON.valueToTree(video));
        caps.putArray("headerExtensions");
        return caps;
    }

    private static RtpCodecCapability codec(RtpCapabilities caps, String mimeType) {
        return caps.codecs().stream()
                .filter(c -> c.mimeType().toLowerCase(Locale.ROOT).equals(mimeType.toLowerCase(Locale.ROOT)))
                .filter(c -> c.preferredPayloadType() != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the router offers no " + mimeType
                        + " (codecs: " + caps.codecs().stream().map(RtpCodecCapability::mimeType).toList() + ")"));
    }
}
