package dev.sfu.media.ortc;

import java.util.List;

/**
 * mediasoup's RtpParameters: what a producer sends or a consumer receives. {@code msid} ("streamId trackId",
 * sent by mediasoup-client ≥ 3.7, may be null) is passed from a producer to its consumers so the receiving
 * browser groups audio and video of one sender into one stream (lip sync).
 */
public record RtpParameters(
        String mid,
        List<RtpCodecParameters> codecs,
        List<RtpHeaderExtensionParameters> headerExtensions,
        List<RtpEncodingParameters> encodings,
        RtcpParameters rtcp,
        String msid) {

    /** Parameters without an msid. */
    public RtpParameters(String mid, List<RtpCodecParameters> codecs,
                         List<RtpHeaderExtensionParameters> headerExtensions, List<RtpEncodingParameters> encodings,
                         RtcpParameters rtcp) {
        this(mid, codecs, headerExtensions, encodings, rtcp, null);
    }
}
