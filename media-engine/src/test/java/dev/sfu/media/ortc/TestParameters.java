package dev.sfu.media.ortc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/** Small edits of captured parameters for the cases a browser did not produce. */
final class TestParameters {

    private TestParameters() {
    }

    /** A generator handing out 1000, 1001, 1002, ... so tests can name expected SSRCs. */
    static LongSupplier sequentialSsrcs(long first) {
        long[] next = {first};
        return () -> next[0]++;
    }

    static RtpParameters withCodecs(RtpParameters p, List<RtpCodecParameters> codecs) {
        return new RtpParameters(p.mid(), codecs, p.headerExtensions(), p.encodings(), p.rtcp(), p.msid());
    }

    static RtpParameters withEncodings(RtpParameters p, List<RtpEncodingParameters> encodings) {
        return new RtpParameters(p.mid(), p.codecs(), p.headerExtensions(), encodings, p.rtcp(), p.msid());
    }

    /** Replaces the first codec's parameters by {@code edit} applied to a mutable copy of them. */
    static RtpParameters withFirstCodecParameters(RtpParameters p, UnaryOperator<Map<String, Object>> edit) {
        List<RtpCodecParameters> codecs = new ArrayList<>(p.codecs());
        RtpCodecParameters c = codecs.get(0);
        codecs.set(0, new RtpCodecParameters(c.mimeType(), c.payloadType(), c.clockRate(), c.channels(),
                edit.apply(new LinkedHashMap<>(c.parameters())), c.rtcpFeedback()));
        return withCodecs(p, codecs);
    }

    static RtpCodecParameters codec(String mimeType, int payloadType, Map<String, Object> parameters) {
        Integer channels = mimeType.startsWith("audio/") ? 2 : null;
        int clockRate = mimeType.startsWith("audio/") ? 48000 : 90000;
        return new RtpCodecParameters(mimeType, payloadType, clockRate, channels, parameters, List.of());
    }

    static RtpEncodingParameters ssrcEncoding(long ssrc) {
        return new RtpEncodingParameters(ssrc, null, null, null, null, null, null);
    }

    /** Device capabilities keeping only the codecs {@code keep} accepts. */
    static RtpCapabilities deviceWith(RtpCapabilities caps, java.util.function.Predicate<RtpCodecCapability> keep) {
        return new RtpCapabilities(caps.codecs().stream().filter(keep).toList(), caps.headerExtensions());
    }
}
