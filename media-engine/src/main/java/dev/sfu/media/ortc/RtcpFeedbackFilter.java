package dev.sfu.media.ortc;

import java.util.List;

/** Narrows a codec's RTCP feedback list to what both sides support and to one bandwidth-estimation scheme. */
final class RtcpFeedbackFilter {

    private RtcpFeedbackFilter() {
    }

    /** The entries of {@code offered} that {@code supported} also lists. */
    static List<RtcpFeedback> common(List<RtcpFeedback> offered, List<RtcpFeedback> supported) {
        if (offered == null || supported == null) return List.of();
        return offered.stream().filter(supported::contains).toList();
    }

    /**
     * Transport-wide CC needs its header extension, REMB needs abs-send-time; keep transport-cc when possible,
     * REMB otherwise, and neither when the stream carries neither extension.
     */
    static List<RtcpFeedback> forBandwidthEstimation(List<RtcpFeedback> feedback,
                                                     List<RtpHeaderExtensionParameters> extensions) {
        boolean transportCc = has(extensions, HeaderExtensionUris.TRANSPORT_WIDE_CC);
        boolean absSendTime = has(extensions, HeaderExtensionUris.ABS_SEND_TIME);
        return feedback.stream()
                .filter(fb -> !fb.type().equals("goog-remb") || (!transportCc && absSendTime))
                .filter(fb -> !fb.type().equals("transport-cc") || transportCc)
                .toList();
    }

    /** For pipes between SFUs: only key-frame requests, plus NACK when RTX is on. */
    static List<RtcpFeedback> forPipe(List<RtcpFeedback> feedback, boolean enableRtx) {
        return feedback.stream()
                .filter(fb -> (fb.type().equals("nack") && fb.parameter().equals("pli"))
                        || (fb.type().equals("ccm") && fb.parameter().equals("fir"))
                        || (enableRtx && fb.type().equals("nack") && fb.parameter().isEmpty()))
                .toList();
    }

    private static boolean has(List<RtpHeaderExtensionParameters> extensions, String uri) {
        return extensions.stream().anyMatch(e -> e.uri().equals(uri));
    }
}
