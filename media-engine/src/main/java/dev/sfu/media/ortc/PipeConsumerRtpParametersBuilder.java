package dev.sfu.media.ortc;

import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * RTP parameters for a consumer that feeds a pipe to another SFU: every codec and every encoding is kept (the
 * far side re-forwards all layers), while transport-level extensions that a pipe does not carry are dropped.
 */
final class PipeConsumerRtpParametersBuilder {

    /** Per-transport extensions: the pipe has no BUNDLE (mid) and no bandwidth estimation. */
    private static final Set<String> NOT_PIPED = Set.of(HeaderExtensionUris.MID, HeaderExtensionUris.ABS_SEND_TIME,
            HeaderExtensionUris.TRANSPORT_WIDE_CC);

    private PipeConsumerRtpParametersBuilder() {
    }

    static RtpParameters build(RtpParameters consumable, boolean enableRtx, LongSupplier ssrcs) {
        List<RtpCodecParameters> codecs = consumable.codecs().stream()
                .filter(c -> enableRtx || !CodecMime.isRtx(c.mimeType()))
                .map(c -> new RtpCodecParameters(c.mimeType(), c.payloadType(), c.clockRate(), c.channels(),
                        c.parameters(), RtcpFeedbackFilter.forPipe(c.rtcpFeedback(), enableRtx)))
                .toList();
        boolean rtx = enableRtx && codecs.stream().anyMatch(c -> CodecMime.isRtx(c.mimeType()));
        List<RtpHeaderExtensionParameters> extensions = consumable.headerExtensions().stream()
                .filter(e -> !NOT_PIPED.contains(e.uri()))
                .toList();
        return new RtpParameters(null, codecs, extensions,
                SsrcAssignment.perEncoding(consumable.encodings(), rtx, ssrcs), consumable.rtcp(), consumable.msid());
    }
}
