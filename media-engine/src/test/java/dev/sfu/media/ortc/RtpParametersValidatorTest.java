package dev.sfu.media.ortc;

import static dev.sfu.media.ortc.TestParameters.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each case breaks one thing in a real Chromium producer and expects a message that names it. */
class RtpParametersValidatorTest {

    private static final RtpParameters VP8 = ChromiumFixtures.videoVp8();

    private static String rejection(RtpParameters params) {
        return assertThrows(OrtcException.class, () -> RtpParametersValidator.validate(params)).getMessage();
    }

    private static RtpParameters withEncoding(RtpEncodingParameters encoding) {
        return withEncodings(VP8, List.of(encoding));
    }

    @Test
    void acceptsRealProducers() {
        RtpParametersValidator.validate(VP8);
        RtpParametersValidator.validate(ChromiumFixtures.videoVp8Simulcast());
        RtpParametersValidator.validate(ChromiumFixtures.audioOpus());
    }

    @Test
    void rejectsMissingParametersAndCodecs() {
        assertEquals("rtpParameters are missing", rejection(null));
        assertEquals("rtpParameters.codecs must list at least one codec", rejection(withCodecs(VP8, List.of())));
        assertEquals("rtpParameters.codecs must list at least one codec", rejection(withCodecs(VP8, null)));
    }

    @Test
    void rejectsBadMimeTypes() {
        assertEquals("rtpParameters.codecs[0].mimeType 'VP8' is not of the form audio/x or video/x",
                rejection(withCodecs(VP8, List.of(codec("VP8", 96, Map.of())))));
        assertEquals("rtpParameters.codecs[0].mimeType 'text/plain' is not of the form audio/x or video/x",
                rejection(withCodecs(VP8, List.of(codec("text/plain", 96, Map.of())))));
        assertEquals("rtpParameters.codecs mix audio and video (audio/opus)",
                rejection(withCodecs(VP8, List.of(codec("video/VP8", 96, Map.of()), codec("audio/opus", 111, Map.of())))));
    }

    @Test
    void rejectsBadPayloadTypes() {
        assertEquals("rtpParameters.codecs[0].payloadType must be 0..127 (got 128)",
                rejection(withCodecs(VP8, List.of(codec("video/VP8", 128, Map.of())))));
        assertEquals("rtpParameters.codecs[1]: payloadType 96 is used twice",
                rejection(withCodecs(VP8, List.of(codec("video/VP8", 96, Map.of()), codec("video/VP9", 96, Map.of())))));
    }

    @Test
    void rejectsBadClockRateAndChannels() {
        RtpCodecParameters noClock = new RtpCodecParameters("video/VP8", 96, 0, null, Map.of(), List.of());
        assertEquals("rtpParameters.codecs[0].clockRate must be positive (got 0)", rejection(withCodecs(VP8, List.of(noClock))));
        RtpCodecParameters noChannels = new RtpCodecParameters("audio/opus", 111, 48000, 0, Map.of(), List.of());
        assertEquals("rtpParameters.codecs[0].channels must be positive (got 0)", rejection(withCodecs(VP8, List.of(noChannels))));
    }

    @Test
    void rejectsRtxWithoutAUsableApt() {
        assertEquals("rtpParameters.codecs[1]: RTX codec without a numeric 'apt' parameter",
                rejection(withCodecs(VP8, List.of(codec("video/VP8", 96, Map.of()), codec("video/rtx", 97, Map.of())))));
        assertEquals("rtpParameters.codecs: RTX payloadType 97 has apt=100, which is not a media codec in the list",
                rejection(withCodecs(VP8, List.of(codec("video/VP8", 96, Map.of()), codec("video/rtx", 97, Map.of("apt", 100))))));
        assertEquals("rtpParameters.codecs has only RTX codecs, no media codec",
                rejection(withCodecs(VP8, List.of(codec("video/rtx", 97, Map.of("apt", 97))))));
    }

    @Test
    void rejectsParameterValuesThatCannotGoIntoSdp() {
        assertEquals("rtpParameters.codecs[0].parameters['x'] must be a number or a string",
                rejection(withCodecs(VP8, List.of(codec("video/VP8", 96, Map.of("x", List.of(1)))))));
    }

    @Test
    void rejectsFeedbackWithoutType() {
        RtpCodecParameters c = new RtpCodecParameters("video/VP8", 96, 90000, null, Map.of(),
                List.of(new RtcpFeedback("", "")));
        assertEquals("rtpParameters.codecs[0].rtcpFeedback[0].type is missing", rejection(withCodecs(VP8, List.of(c))));
    }

    @Test
    void rejectsEncodingsWithoutSsrcOrRid() {
        assertEquals("rtpParameters.encodings[0] has neither ssrc nor rid",
                rejection(withEncoding(new RtpEncodingParameters(null, null, null, null, null, null, null))));
        assertEquals("rtpParameters.encodings[0] has neither ssrc nor rid",
                rejection(withEncoding(new RtpEncodingParameters(null, " ", null, null, null, null, null))));
    }

    @Test
    void rejectsBadSsrcsAndDuplicates() {
        assertEquals("rtpParameters.encodings[0].ssrc must be a 32-bit unsigned value (got 4294967296)",
                rejection(withEncoding(ssrcEncoding(0x1_0000_0000L))));
        assertEquals("rtpParameters.encodings[0].rtx.ssrc must be a 32-bit unsigned value (got -1)",
                rejection(withEncoding(new RtpEncodingParameters(5L, null, null, new RtxParameters(-1), null, null, null))));
        assertEquals("rtpParameters.encodings[1]: ssrc 5 is used twice",
                rejection(withEncodings(VP8, List.of(ssrcEncoding(5), ssrcEncoding(5)))));
    }

    @Test
    void rejectsInconsistentRids() {
        RtpEncodingParameters r0 = new RtpEncodingParameters(null, "r0", null, null, null, null, null);
        assertEquals("rtpParameters.encodings[1]: rid 'r0' is used twice", rejection(withEncodings(VP8, List.of(r0, r0))));
        assertEquals("rtpParameters.encodings: either all encodings have a rid or none has",
                rejection(withEncodings(VP8, List.of(r0, ssrcEncoding(5)))));
    }

    @Test
    void rejectsBadEncodingDetails() {
        assertEquals("rtpParameters.encodings[0].scalabilityMode 'fast' is not a scalability mode like L1T3",
                rejection(withEncoding(new RtpEncodingParameters(5L, null, null, null, null, "fast", null))));
        assertEquals("rtpParameters.encodings[0].codecPayloadType 45 is not in rtpParameters.codecs",
                rejection(withEncoding(new RtpEncodingParameters(5L, null, 45, null, null, null, null))));
        assertEquals("rtpParameters.encodings[0].maxBitrate must be positive (got -5)",
                rejection(withEncoding(new RtpEncodingParameters(5L, null, null, null, null, null, -5))));
    }

    @Test
    void rejectsBadHeaderExtensions() {
        List<RtpHeaderExtensionParameters> twice = new ArrayList<>(VP8.headerExtensions());
        twice.add(new RtpHeaderExtensionParameters("urn:x", twice.get(0).id(), false, Map.of()));
        RtpParameters dup = new RtpParameters(VP8.mid(), VP8.codecs(), twice, VP8.encodings(), VP8.rtcp(), VP8.msid());
        assertTrue(rejection(dup).endsWith("is used twice"));
        RtpParameters zero = new RtpParameters(VP8.mid(), VP8.codecs(),
                List.of(new RtpHeaderExtensionParameters("urn:x", 0, false, Map.of())), VP8.encodings(), VP8.rtcp());
        assertEquals("rtpParameters.headerExtensions[0].id must be 1..255 (got 0)", rejection(zero));
        RtpParameters noUri = new RtpParameters(VP8.mid(), VP8.codecs(),
                List.of(new RtpHeaderExtensionParameters(null, 1, false, Map.of())), VP8.encodings(), VP8.rtcp());
        assertEquals("rtpParameters.headerExtensions[0].uri is missing", rejection(noUri));
    }

    @Test
    void checksTheKindTheClientAnnounced() {
        RtpParametersValidator.validate(MediaKind.VIDEO, VP8);
        assertEquals("rtpParameters.codecs are video but kind is audio",
                assertThrows(OrtcException.class, () -> RtpParametersValidator.validate(MediaKind.AUDIO, VP8)).getMessage());
        assertEquals("kind is missing",
                assertThrows(OrtcException.class, () -> RtpParametersValidator.validate(null, VP8)).getMessage());
    }

    @Test
    void rejectsAnMsidThatCannotGoIntoSdp() {
        RtpParameters bad = new RtpParameters(VP8.mid(), VP8.codecs(), VP8.headerExtensions(), VP8.encodings(),
                VP8.rtcp(), "stream\r\na=evil");
        assertTrue(rejection(bad).startsWith("rtpParameters.msid"));
    }
}
