package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtpCapabilitiesValidatorTest {

    private static String rejection(RtpCapabilities caps) {
        return assertThrows(OrtcException.class, () -> RtpCapabilitiesValidator.validate(caps)).getMessage();
    }

    private static RtpCapabilities codecs(RtpCodecCapability... codecs) {
        return new RtpCapabilities(List.of(codecs), List.of());
    }

    private static RtpCapabilities extension(RtpHeaderExtensionCapability ext) {
        return new RtpCapabilities(List.of(), List.of(ext));
    }

    @Test
    void acceptsTheCapturedDeviceAndTheRouter() {
        RtpCapabilitiesValidator.validate(ChromiumFixtures.deviceCapabilities());
        RtpCapabilitiesValidator.validate(ChromiumFixtures.routerCapabilities());
        RtpCapabilitiesValidator.validate(new RtpCapabilities(List.of(), null));
    }

    @Test
    void rejectsMissingPieces() {
        assertEquals("rtpCapabilities are missing", rejection(null));
        assertEquals("rtpCapabilities.codecs is missing", rejection(new RtpCapabilities(null, List.of())));
        assertEquals("rtpCapabilities.codecs[0].kind is missing",
                rejection(codecs(new RtpCodecCapability(null, "video/VP8", 96, 90000, null, Map.of(), List.of()))));
        assertEquals("rtpCapabilities.codecs[0].mimeType is missing",
                rejection(codecs(new RtpCodecCapability("video", null, 96, 90000, null, Map.of(), List.of()))));
    }

    @Test
    void rejectsInconsistentCodecs() {
        assertEquals("rtpCapabilities.codecs[0]: invalid kind 'data' (expected \"audio\" or \"video\")",
                rejection(codecs(new RtpCodecCapability("data", "video/VP8", 96, 90000, null, Map.of(), List.of()))));
        assertEquals("rtpCapabilities.codecs[0]: mimeType audio/opus does not match kind video",
                rejection(codecs(new RtpCodecCapability("video", "audio/opus", 96, 48000, 2, Map.of(), List.of()))));
        assertEquals("rtpCapabilities.codecs[0].preferredPayloadType must be 0..127 (got 300)",
                rejection(codecs(new RtpCodecCapability("video", "video/VP8", 300, 90000, null, Map.of(), List.of()))));
        assertEquals("rtpCapabilities.codecs[0].clockRate must be positive (got -1)",
                rejection(codecs(new RtpCodecCapability("video", "video/VP8", 96, -1, null, Map.of(), List.of()))));
        assertEquals("rtpCapabilities.codecs[0]: RTX codec without a numeric 'apt' parameter",
                rejection(codecs(new RtpCodecCapability("video", "video/rtx", 97, 90000, null, Map.of("apt", "x"), List.of()))));
    }

    @Test
    void rejectsBadHeaderExtensions() {
        assertEquals("rtpCapabilities.headerExtensions[0].uri is missing",
                rejection(extension(new RtpHeaderExtensionCapability("video", " ", 1, false, "sendrecv"))));
        assertEquals("rtpCapabilities.headerExtensions[0].preferredId must be 1..255 (got 256)",
                rejection(extension(new RtpHeaderExtensionCapability("video", "urn:x", 256, false, "sendrecv"))));
        assertEquals("rtpCapabilities.headerExtensions[0].direction 'both' is not one of sendrecv, sendonly, recvonly, inactive",
                rejection(extension(new RtpHeaderExtensionCapability("video", "urn:x", 1, false, "both"))));
        assertTrue(rejection(extension(new RtpHeaderExtensionCapability("text", "urn:x", 1, false, null)))
                .contains("invalid kind 'text'"));
    }
}
