package dev.sfu.media.ortc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Gives every encoding of a piped stream its own fresh SSRC (and RTX SSRC), keeping its layer settings. */
final class SsrcAssignment {

    private SsrcAssignment() {
    }

    static List<RtpEncodingParameters> perEncoding(List<RtpEncodingParameters> encodings, boolean rtx,
                                                   LongSupplier ssrcs) {
        List<RtpEncodingParameters> result = new ArrayList<>();
        for (RtpEncodingParameters e : encodings) {
            long ssrc = ssrcs.getAsLong();
            RtxParameters rtxParameters = rtx ? new RtxParameters(ssrcs.getAsLong()) : null;
            result.add(new RtpEncodingParameters(ssrc, null, null, rtxParameters, e.dtx(), e.scalabilityMode(),
                    e.maxBitrate()));
        }
        return List.copyOf(result);
    }
}
