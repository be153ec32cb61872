package dev.sfu.media.ortc;

import java.util.List;

/** mediasoup's RtpParameters: what a producer sends or a consumer receives. */
public record RtpParameters(
        String mid,
        List<RtpCodecParameters> codecs,
        List<RtpHeaderExtensionParameters> headerExtensions,
        List<RtpEncodingParameters> encodings,
        RtcpParameters rtcp) {
}
