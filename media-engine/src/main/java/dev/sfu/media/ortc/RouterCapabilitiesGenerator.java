package dev.sfu.media.ortc;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the media codecs a router is configured with into the router's RTP capabilities: each codec gets a
 * payload type, each video codec an RTX companion (video/rtx, apt = its payload type), and the router's header
 * extensions are attached. The output depends only on the input list, so every cluster member computes the same.
 */
final class RouterCapabilitiesGenerator {

    private RouterCapabilitiesGenerator() {
    }

    static RtpCapabilities generate(List<RtpCodecCapability> mediaCodecs) {
        if (mediaCodecs == null || mediaCodecs.isEmpty()) {
            throw new OrtcException("router media codecs: at least one codec is required");
        }
        PayloadTypeAllocator payloadTypes = new PayloadTypeAllocator();
        for (int i = 0; i < mediaCodecs.size(); i++) {
            RtpCodecCapability codec = checkedMediaCodec(mediaCodecs.get(i), i);
            Integer preferred = codec.preferredPayloadType();
            if (preferred != null && !payloadTypes.reserve(preferred)) {
                throw new OrtcException("router media codecs: preferredPayloadType " + preferred + " of "
                        + codec.mimeType() + " is used twice");
            }
        }
        List<RtpCodecCapability> codecs = new ArrayList<>();
        for (RtpCodecCapability codec : mediaCodecs) {
            MediaKind kind = MediaKind.fromWire(codec.kind());
            int payloadType = codec.preferredPayloadType() != null ? codec.preferredPayloadType() : payloadTypes.next();
            Integer channels = kind == MediaKind.AUDIO ? (codec.channels() == null ? 1 : codec.channels()) : null;
            List<RtcpFeedback> feedback = codec.rtcpFeedback() != null
                    ? List.copyOf(codec.rtcpFeedback()) : RouterCodecs.defaultFeedback(kind);
            codecs.add(new RtpCodecCapability(kind.wireName(), codec.mimeType(), payloadType, codec.clockRate(),
                    channels, CodecParameters.copy(codec.parameters()), feedback));
            if (kind == MediaKind.VIDEO) {
                codecs.add(new RtpCodecCapability("video", CodecMime.VIDEO_RTX, payloadTypes.next(),
                        codec.clockRate(), null, CodecParameters.of("apt", payloadType), List.of()));
            }
        }
        return new RtpCapabilities(List.copyOf(codecs), RouterHeaderExtensions.all());
    }

    private static RtpCodecCapability checkedMediaCodec(RtpCodecCapability codec, int index) {
        String where = "router media codecs[" + index + "]";
        if (codec == null) throw new OrtcException(where + " is null");
        RtpCapabilitiesValidator.validateCodec(codec, where);
        if (CodecMime.isRtx(codec.mimeType())) {
            throw new OrtcException(where + ": RTX codecs are added by the router, do not list " + codec.mimeType());
        }
        return codec;
    }
}
