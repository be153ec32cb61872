package dev.sfu.media.engine;

import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.rtp.HeaderExtensionIdMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpParametersInfoTest {

    @Test
    void answersQuestionsAboutChromeVp8Parameters() {
        RtpParameters p = EngineFixtures.vp8Parameters();
        assertEquals(96, RtpParametersInfo.mediaCodec(p, null).payloadType());
        assertEquals(97, RtpParametersInfo.rtxPayloadTypeFor(p, 96));
        assertEquals(-1, RtpParametersInfo.rtxPayloadTypeFor(p, 100));
        assertTrue(RtpParametersInfo.hasFeedback(RtpParametersInfo.mediaCodec(p, 96), "nack", "pli"));
        assertFalse(RtpParametersInfo.hasFeedback(RtpParametersInfo.mediaCodec(p, 96), "nack", "sli"));
        assertEquals(9, RtpParametersInfo.extensionId(p, RtpParametersInfo.MID_URI));
        assertEquals(0, RtpParametersInfo.extensionId(p, RtpParametersInfo.RID_URI));
    }

    @Test
    void buildsAnExtensionIdMapByUri() {
        HeaderExtensionIdMap map = RtpParametersInfo.extensionIdMap(EngineFixtures.vp8Parameters(),
                EngineFixtures.opusParameters());
        assertEquals(4, map.map(9), "mid");
        assertEquals(2, map.map(2), "abs-send-time");
        assertEquals(3, map.map(4), "transport-cc");
        assertEquals(0, map.map(1));
    }
}
