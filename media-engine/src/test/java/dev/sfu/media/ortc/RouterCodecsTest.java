package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterCodecsTest {

    private static final List<RtpCodecCapability> CODECS = RouterCodecs.defaultMediaCodecs();

    @Test
    void offersOpusVp8Vp9AndH264() {
        assertEquals(List.of("audio/opus", "video/VP8", "video/VP9", "video/VP9", "video/H264", "video/H264"),
                CODECS.stream().map(RtpCodecCapability::mimeType).toList());
        RtpCodecCapability opus = CODECS.get(0);
        assertEquals(48000, opus.clockRate());
        assertEquals(2, opus.channels());
        assertTrue(CODECS.subList(1, CODECS.size()).stream().allMatch(c -> c.clockRate() == 90000 && c.channels() == null));
    }

    @Test
    void offersVp9ProfilesZeroAndTwo() {
        assertEquals(Map.of("profile-id", 0), CODECS.get(2).parameters());
        assertEquals(Map.of("profile-id", 2), CODECS.get(3).parameters());
    }

    @Test
    void offersH264ConstrainedBaselineAndMainInPacketizationModeOne() {
        assertEquals(Map.of("packetization-mode", 1, "profile-level-id", "42e01f", "level-asymmetry-allowed", 1),
                CODECS.get(4).parameters());
        assertEquals("4d0032", CODECS.get(5).parameters().get("profile-level-id"));
        assertEquals(H264ProfileLevelId.Profile.CONSTRAINED_BASELINE,
                H264ProfileLevelId.of(CODECS.get(4).parameters()).orElseThrow().profile());
        assertEquals(H264ProfileLevelId.Profile.MAIN, H264ProfileLevelId.of(CODECS.get(5).parameters()).orElseThrow().profile());
    }

    @Test
    void givesVideoFullFeedbackAndAudioNackAndTransportCc() {
        List<RtcpFeedback> video = List.of(new RtcpFeedback("nack", ""), new RtcpFeedback("nack", "pli"),
                new RtcpFeedback("ccm", "fir"), new RtcpFeedback("goog-remb", ""), new RtcpFeedback("transport-cc", ""));
        assertTrue(CODECS.stream().filter(c -> c.kind().equals("video")).allMatch(c -> c.rtcpFeedback().equals(video)));
        assertEquals(List.of(new RtcpFeedback("nack", ""), new RtcpFeedback("transport-cc", "")), CODECS.get(0).rtcpFeedback());
    }

    @Test
    void keepsParameterOrderStableForIdenticalJsonOnEveryMember() {
        assertEquals(List.of("packetization-mode", "profile-level-id", "level-asymmetry-allowed"),
                List.copyOf(CODECS.get(4).parameters().keySet()));
    }
}
