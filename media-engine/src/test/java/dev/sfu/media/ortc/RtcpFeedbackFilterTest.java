package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtcpFeedbackFilterTest {

    private static final RtcpFeedback NACK = new RtcpFeedback("nack", null);
    private static final RtcpFeedback PLI = new RtcpFeedback("nack", "pli");
    private static final RtcpFeedback FIR = new RtcpFeedback("ccm", "fir");
    private static final RtcpFeedback REMB = new RtcpFeedback("goog-remb", "");
    private static final RtcpFeedback TCC = new RtcpFeedback("transport-cc", "");
    private static final List<RtcpFeedback> ALL = List.of(NACK, PLI, FIR, REMB, TCC);

    private static RtpHeaderExtensionParameters ext(String uri) {
        return new RtpHeaderExtensionParameters(uri, 3, false, Map.of());
    }

    @Test
    void keepsWhatBothSidesList() {
        assertEquals(List.of(PLI, TCC), RtcpFeedbackFilter.common(ALL, List.of(TCC, new RtcpFeedback("nack", "pli"))));
        assertEquals(List.of(), RtcpFeedbackFilter.common(ALL, null));
    }

    @Test
    void choosesOneBandwidthEstimation() {
        assertEquals(List.of(NACK, PLI, FIR, TCC), RtcpFeedbackFilter.forBandwidthEstimation(ALL,
                List.of(ext(HeaderExtensionUris.TRANSPORT_WIDE_CC), ext(HeaderExtensionUris.ABS_SEND_TIME))));
        assertEquals(List.of(NACK, PLI, FIR, REMB), RtcpFeedbackFilter.forBandwidthEstimation(ALL,
                List.of(ext(HeaderExtensionUris.ABS_SEND_TIME))));
        assertEquals(List.of(NACK, PLI, FIR), RtcpFeedbackFilter.forBandwidthEstimation(ALL, List.of()));
    }

    @Test
    void keepsKeyFrameRequestsForPipesAndNackOnlyWithRtx() {
        assertEquals(List.of(PLI, FIR), RtcpFeedbackFilter.forPipe(ALL, false));
        assertEquals(List.of(NACK, PLI, FIR), RtcpFeedbackFilter.forPipe(ALL, true));
    }
}
