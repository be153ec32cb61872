package dev.sfu.media.ortc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Maps what a producer sends onto the router: each producer codec to the router codec it matches (RTX follows
 * its media codec through apt), and each encoding to a router SSRC ({@code base + index}).
 */
final class ProducerRtpMapper {

    private ProducerRtpMapper() {
    }

    static RtpMapping map(RtpParameters params, RtpCapabilities routerCaps, LongSupplier baseSsrc) {
        RtpParametersValidator.validate(params);
        if (params.encodings() == null || params.encodings().isEmpty()) {
            throw new OrtcException("rtpParameters.encodings must list at least one encoding");
        }
        Map<Integer, RtpCodecCapability> routerCodecByPt = new LinkedHashMap<>();
        for (RtpCodecParameters codec : params.codecs()) {
            if (CodecMime.isRtx(codec.mimeType())) continue;
            routerCodecByPt.put(codec.payloadType(), routerCodecFor(codec, routerCaps));
        }
        List<RtpMapping.CodecMapping> codecs = new ArrayList<>();
        for (RtpCodecParameters codec : params.codecs()) {
            RtpCodecCapability routerCodec = CodecMime.isRtx(codec.mimeType())
                    ? routerRtxFor(codec, routerCodecByPt, routerCaps)
                    : routerCodecByPt.get(codec.payloadType());
            codecs.add(new RtpMapping.CodecMapping(codec.payloadType(), routerCodec.preferredPayloadType()));
        }
        long base = baseSsrc.getAsLong();
        List<RtpMapping.EncodingMapping> encodings = new ArrayList<>();
        for (int i = 0; i < params.encodings().size(); i++) {
            RtpEncodingParameters encoding = params.encodings().get(i);
            encodings.add(new RtpMapping.EncodingMapping(encoding.ssrc(), encoding.rid(), encoding.scalabilityMode(),
                    (base + i) & 0xFFFF_FFFFL));
        }
        return new RtpMapping(codecs, encodings);
    }

    private static RtpCodecCapability routerCodecFor(RtpCodecParameters codec, RtpCapabilities routerCaps) {
        CodecMatcher.Codec wanted = CodecMatcher.Codec.of(codec);
        return routerCaps.codecs().stream()
                .filter(c -> !CodecMime.isRtx(c.mimeType()))
                .filter(c -> CodecMatcher.matches(wanted, CodecMatcher.Codec.of(c), true))
                .findFirst()
                .orElseThrow(() -> new OrtcException("unsupported codec [mimeType:" + codec.mimeType()
                        + ", payloadType:" + codec.payloadType() + describe(codec) + "]"));
    }

    private static RtpCodecCapability routerRtxFor(RtpCodecParameters rtx, Map<Integer, RtpCodecCapability> routerCodecByPt,
                                                  RtpCapabilities routerCaps) {
        int apt = CodecParameters.integer(rtx.parameters(), "apt").orElseThrow();
        RtpCodecCapability routerMedia = routerCodecByPt.get(apt);
        int routerPt = routerMedia.preferredPayloadType();
        return routerCaps.codecs().stream()
                .filter(c -> CodecMime.isRtx(c.mimeType()))
                .filter(c -> CodecParameters.integer(c.parameters(), "apt").orElse(-1) == routerPt)
                .findFirst()
                .orElseThrow(() -> new OrtcException("unsupported codec [mimeType:" + rtx.mimeType()
                        + ", payloadType:" + rtx.payloadType() + "]: the router has no RTX for "
                        + routerMedia.mimeType()));
    }

    /** The parameters that decide H.264/VP9 compatibility, so the error says which variant was refused. */
    private static String describe(RtpCodecParameters codec) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("profile-id", "packetization-mode", "profile-level-id")) {
            CodecParameters.text(codec.parameters(), name).ifPresent(v -> text.append(", ").append(name).append(':').append(v));
        }
        return text.toString();
    }
}
