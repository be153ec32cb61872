package dev.sfu.media.ortc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Builds what a consumer receives from a producer's consumable parameters and the receiving device's
 * capabilities. The device's capabilities were derived from the router's (mediasoup-client answers with the
 * router's payload types and extension ids), so codecs keep the router's payload types and extensions are kept
 * only when the device lists them under the same id.
 */
final class ConsumerRtpParametersBuilder {

    private ConsumerRtpParametersBuilder() {
    }

    static boolean canConsume(RtpParameters consumable, RtpCapabilities remoteCaps) {
        RtpCapabilitiesValidator.validate(remoteCaps);
        return consumable.codecs().stream()
                .filter(c -> !CodecMime.isRtx(c.mimeType()))
                .anyMatch(c -> deviceCodec(c, remoteCaps).isPresent());
    }

    static RtpParameters build(RtpParameters consumable, RtpCapabilities remoteCaps, boolean pipe,
                               LongSupplier ssrcs) {
        RtpCapabilitiesValidator.validate(remoteCaps);
        List<RtpCodecParameters> codecs = new ArrayList<>();
        boolean rtxKept = false;
        for (RtpCodecParameters codec : consumable.codecs()) {
            if (CodecMime.isRtx(codec.mimeType())) continue;
            Optional<RtpCodecCapability> deviceCodec = deviceCodec(codec, remoteCaps);
            if (deviceCodec.isEmpty()) continue;
            codecs.add(withFeedback(codec, RtcpFeedbackFilter.common(codec.rtcpFeedback(),
                    deviceCodec.get().rtcpFeedback())));
            Optional<RtpCodecParameters> rtx = rtxOf(consumable, codec.payloadType());
            if (rtx.isPresent() && deviceHasRtxFor(remoteCaps, codec)) {
                codecs.add(rtx.get());
                rtxKept = true;
            }
        }
        if (codecs.isEmpty()) {
            throw new OrtcException("the device cannot receive any codec of this stream "
                    + consumable.codecs().stream().map(RtpCodecParameters::mimeType)
                            .filter(m -> !CodecMime.isRtx(m)).toList());
        }
        List<RtpHeaderExtensionParameters> extensions = consumable.headerExtensions().stream()
                .filter(ext -> deviceHasExtension(remoteCaps, ext))
                .toList();
        List<RtpCodecParameters> reduced = codecs.stream()
                .map(c -> withFeedback(c, RtcpFeedbackFilter.forBandwidthEstimation(c.rtcpFeedback(), extensions)))
                .toList();
        List<RtpEncodingParameters> encodings = pipe
                ? SsrcAssignment.perEncoding(consumable.encodings(), rtxKept, ssrcs)
                : List.of(singleEncoding(consumable.encodings(), rtxKept, ssrcs));
        return new RtpParameters(null, reduced, extensions, encodings, consumable.rtcp(), consumable.msid());
    }

    private static Optional<RtpCodecCapability> deviceCodec(RtpCodecParameters codec, RtpCapabilities remoteCaps) {
        CodecMatcher.Codec wanted = CodecMatcher.Codec.of(codec);
        return remoteCaps.codecs().stream()
                .filter(cap -> CodecMatcher.matches(CodecMatcher.Codec.of(cap), wanted, true))
                .findFirst();
    }

    private static Optional<RtpCodecParameters> rtxOf(RtpParameters consumable, int mediaPayloadType) {
        return consumable.codecs().stream()
                .filter(c -> CodecMime.isRtx(c.mimeType()))
                .filter(c -> CodecParameters.integer(c.parameters(), "apt").orElse(-1) == mediaPayloadType)
                .findFirst();
    }

    /** The device can repair this codec only if it lists an RTX whose apt is this (router) payload type. */
    private static boolean deviceHasRtxFor(RtpCapabilities remoteCaps, RtpCodecParameters media) {
        return remoteCaps.codecs().stream()
                .filter(cap -> CodecMime.isRtx(cap.mimeType()) && cap.clockRate() == media.clockRate())
                .anyMatch(cap -> CodecParameters.integer(cap.parameters(), "apt").orElse(-1) == media.payloadType());
    }

    /**
     * The consumable extensions are already the router's for this kind; the device only has to know the URI under
     * the same id. Its kind is not compared: mediasoup-client lists an extension shared by audio and video (mid,
     * abs-send-time, transport-cc) once, under video, yet receives it on audio too.
     */
    private static boolean deviceHasExtension(RtpCapabilities remoteCaps, RtpHeaderExtensionParameters ext) {
        if (remoteCaps.headerExtensions() == null) return false;
        return remoteCaps.headerExtensions().stream()
                .filter(cap -> !"sendonly".equals(cap.direction()) && !"inactive".equals(cap.direction()))
                .anyMatch(cap -> cap.uri().equals(ext.uri()) && cap.preferredId() == ext.id());
    }

    /**
     * One encoding with fresh SSRCs. Simulcast collapses into one stream whose scalability mode says how many
     * spatial layers the router may switch between ("S3T3" for three simulcast layers of three temporal layers).
     */
    private static RtpEncodingParameters singleEncoding(List<RtpEncodingParameters> consumableEncodings,
                                                        boolean rtx, LongSupplier ssrcs) {
        long ssrc = ssrcs.getAsLong();
        RtxParameters rtxParameters = rtx ? new RtxParameters(ssrcs.getAsLong()) : null;
        String mode = consumableEncodings.stream()
                .map(RtpEncodingParameters::scalabilityMode)
                .filter(m -> m != null)
                .findFirst()
                .orElse(null);
        if (consumableEncodings.size() > 1) {
            int temporalLayers = ScalabilityMode.parseOrSingleLayer(mode).temporalLayers();
            mode = "S" + consumableEncodings.size() + "T" + temporalLayers;
        }
        Integer maxBitrate = consumableEncodings.stream()
                .map(RtpEncodingParameters::maxBitrate)
                .filter(b -> b != null)
                .max(Integer::compare)
                .orElse(null);
        return new RtpEncodingParameters(ssrc, null, null, rtxParameters, null, mode, maxBitrate);
    }

    private static RtpCodecParameters withFeedback(RtpCodecParameters c, List<RtcpFeedback> feedback) {
        return new RtpCodecParameters(c.mimeType(), c.payloadType(), c.clockRate(), c.channels(), c.parameters(),
                feedback);
    }
}
