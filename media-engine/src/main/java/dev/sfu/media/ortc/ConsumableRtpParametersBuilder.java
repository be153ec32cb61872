package dev.sfu.media.ortc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a producer's "consumable" RTP parameters: the stream as the router re-sends it, in router terms
 * (router payload types, router header extension ids, mapped SSRCs). Every consumer is derived from these.
 */
final class ConsumableRtpParametersBuilder {

    private ConsumableRtpParametersBuilder() {
    }

    static RtpParameters build(MediaKind kind, RtpParameters params, RtpCapabilities routerCaps, RtpMapping mapping) {
        if (kind == null) throw new OrtcException("kind is missing");
        RtpParametersValidator.validate(params);
        List<RtpCodecParameters> codecs = new ArrayList<>();
        for (RtpCodecParameters codec : params.codecs()) {
            if (CodecMime.isRtx(codec.mimeType())) continue;
            if (CodecMime.kindOf(codec.mimeType()).orElseThrow() != kind) {
                throw new OrtcException("codec " + codec.mimeType() + " cannot be produced as " + kind.wireName());
            }
            RtpCodecCapability routerCodec = routerCodec(routerCaps, mappedPayloadType(mapping, codec.payloadType()));
            codecs.add(new RtpCodecParameters(routerCodec.mimeType(), routerCodec.preferredPayloadType(),
                    routerCodec.clockRate(), routerCodec.channels(), CodecParameters.copy(codec.parameters()),
                    routerCodec.rtcpFeedback()));
            routerCaps.codecs().stream()
                    .filter(c -> CodecMime.isRtx(c.mimeType()))
                    .filter(c -> CodecParameters.integer(c.parameters(), "apt").orElse(-1)
                            .equals(routerCodec.preferredPayloadType()))
                    .findFirst()
                    .ifPresent(rtx -> codecs.add(new RtpCodecParameters(rtx.mimeType(), rtx.preferredPayloadType(),
                            rtx.clockRate(), null, CodecParameters.copy(rtx.parameters()), List.of())));
        }
        List<RtpEncodingParameters> encodings = encodings(params.encodings(), mapping);
        return new RtpParameters(null, List.copyOf(codecs), headerExtensions(kind, routerCaps), encodings,
                new RtcpParameters(cname(params, encodings), true, true), params.msid());
    }

    private static int mappedPayloadType(RtpMapping mapping, int payloadType) {
        return mapping.codecs().stream()
                .filter(m -> m.payloadType() == payloadType)
                .findFirst()
                .orElseThrow(() -> new OrtcException("no codec mapping for payloadType " + payloadType))
                .mappedPayloadType();
    }

    private static RtpCodecCapability routerCodec(RtpCapabilities routerCaps, int payloadType) {
        return routerCaps.codecs().stream()
                .filter(c -> c.preferredPayloadType() != null && c.preferredPayloadType() == payloadType)
                .findFirst()
                .orElseThrow(() -> new OrtcException("the router has no codec with payloadType " + payloadType));
    }

    /** The router's extensions for this kind that it may send (sendrecv/sendonly from the router's view). */
    private static List<RtpHeaderExtensionParameters> headerExtensions(MediaKind kind, RtpCapabilities routerCaps) {
        List<RtpHeaderExtensionParameters> extensions = new ArrayList<>();
        for (RtpHeaderExtensionCapability ext : routerCaps.headerExtensions()) {
            if (!kind.wireName().equals(ext.kind())) continue;
            if (!"sendrecv".equals(ext.direction()) && !"sendonly".equals(ext.direction())) continue;
            extensions.add(new RtpHeaderExtensionParameters(ext.uri(), ext.preferredId(), ext.preferredEncrypt(), Map.of()));
        }
        return List.copyOf(extensions);
    }

    /** Producer encodings renamed to their mapped SSRCs; rid, RTX and codec binding are the producer side's only. */
    private static List<RtpEncodingParameters> encodings(List<RtpEncodingParameters> producerEncodings, RtpMapping mapping) {
        List<RtpEncodingParameters> source = producerEncodings == null ? List.of() : producerEncodings;
        if (source.isEmpty()) throw new OrtcException("rtpParameters.encodings must list at least one encoding");
        if (source.size() != mapping.encodings().size()) {
            throw new OrtcException("rtpParameters have " + source.size() + " encodings but the mapping has "
                    + mapping.encodings().size());
        }
        List<RtpEncodingParameters> encodings = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            RtpEncodingParameters e = source.get(i);
            encodings.add(new RtpEncodingParameters(mapping.encodings().get(i).mappedSsrc(), null, null, null,
                    e.dtx(), e.scalabilityMode(), e.maxBitrate()));
        }
        return List.copyOf(encodings);
    }

    /**
     * Consumers put the CNAME into SDP, so it must not be empty; but Chrome sends simulcast (rid-only) streams
     * without one. Then the msid stream id stands in (the same for one sender's audio and video), or else a name
     * made from the first mapped SSRC.
     */
    private static String cname(RtpParameters params, List<RtpEncodingParameters> encodings) {
        String cname = params.rtcp() == null ? null : params.rtcp().cname();
        if (cname != null && !cname.isBlank()) return cname;
        String streamId = params.msid() == null ? "" : params.msid().trim().split(" ")[0];
        if (!streamId.isEmpty() && !streamId.equals("-")) return streamId; // "-" means "no stream"
        return "sfu-" + Long.toHexString(encodings.get(0).ssrc());
    }
}
