package dev.sfu.media.ortc;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * ORTC negotiation as mediasoup-client expects it from a server: router capabilities, validation of what
 * clients send, producer-to-router mapping, and the parameters each consumer receives. Every method is a pure
 * function of its arguments (apart from random SSRCs where no generator is given). Bad input throws
 * {@link OrtcException} with a message meant for the client.
 */
public final class Ortc {

    private Ortc() {
    }

    /** Router capabilities for these media codecs: payload types, RTX per video codec, header extensions. */
    public static RtpCapabilities generateRouterRtpCapabilities(List<RtpCodecCapability> mediaCodecs) {
        return RouterCapabilitiesGenerator.generate(mediaCodecs);
    }

    public static void validateRtpCapabilities(RtpCapabilities caps) {
        RtpCapabilitiesValidator.validate(caps);
    }

    public static void validateRtpParameters(RtpParameters params) {
        RtpParametersValidator.validate(params);
    }

    /** Validates parameters a client wants to produce as {@code kind}: all codecs must be of that kind. */
    public static void validateRtpParameters(MediaKind kind, RtpParameters params) {
        RtpParametersValidator.validate(kind, params);
    }

    /** Maps a producer's codecs to router codecs and its encodings to random router SSRCs. */
    public static RtpMapping getProducerRtpParametersMapping(RtpParameters producerParams, RtpCapabilities routerCaps) {
        return getProducerRtpParametersMapping(producerParams, routerCaps, RandomSsrc::next);
    }

    /** As above; encoding {@code i} gets SSRC {@code baseSsrc + i}. */
    public static RtpMapping getProducerRtpParametersMapping(RtpParameters producerParams, RtpCapabilities routerCaps,
                                                             LongSupplier baseSsrc) {
        return ProducerRtpMapper.map(producerParams, routerCaps, baseSsrc);
    }

    public static RtpParameters getConsumableRtpParameters(MediaKind kind, RtpParameters producerParams,
                                                           RtpCapabilities routerCaps, RtpMapping mapping) {
        return ConsumableRtpParametersBuilder.build(kind, producerParams, routerCaps, mapping);
    }

    /** True when the device can decode at least one media codec of the stream; throws on malformed caps. */
    public static boolean canConsume(RtpParameters consumableParams, RtpCapabilities remoteCaps) {
        return ConsumerRtpParametersBuilder.canConsume(consumableParams, remoteCaps);
    }

    /**
     * What a consumer receives: the codecs the device supports (RTX only if the device has it for that codec),
     * the header extensions it knows under the router's ids, and one encoding with fresh SSRCs from
     * {@code ssrcGenerator} (pipe = true keeps one encoding per producer encoding). Throws when no codec fits.
     */
    public static RtpParameters getConsumerRtpParameters(RtpParameters consumableParams, RtpCapabilities remoteCaps,
                                                         boolean pipe, LongSupplier ssrcGenerator) {
        return ConsumerRtpParametersBuilder.build(consumableParams, remoteCaps, pipe, ssrcGenerator);
    }

    public static RtpParameters getPipeConsumerRtpParameters(RtpParameters consumableParams, boolean enableRtx) {
        return getPipeConsumerRtpParameters(consumableParams, enableRtx, RandomSsrc::next);
    }

    public static RtpParameters getPipeConsumerRtpParameters(RtpParameters consumableParams, boolean enableRtx,
                                                             LongSupplier ssrcGenerator) {
        return PipeConsumerRtpParametersBuilder.build(consumableParams, enableRtx, ssrcGenerator);
    }

    /** "simple" for one encoding, "simulcast" for several (for producers and for their consumers). */
    public static String streamType(RtpParameters params) {
        return RtpStreamType.of(params).wireName();
    }
}
