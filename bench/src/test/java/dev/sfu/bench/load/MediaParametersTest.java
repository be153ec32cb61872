package dev.sfu.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RouterCodecs;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parameters are checked by our own ORTC code, as the server checks them, after a JSON round trip. */
class MediaParametersTest {
    private final RtpCapabilities router = Ortc.generateRouterRtpCapabilities(RouterCodecs.defaultMediaCodecs());
    private final MediaParameters media = new MediaParameters(router);

    @Test
    void producerParametersAreValidForOurOrtcAndMapToTheRouter() throws Exception {
        for (String kind : List.of("audio", "video")) {
            JsonNode json = media.producerRtpParameters(kind, 1234, "cname");
            RtpParameters params = SignalingClient.JSON.treeToValue(json, RtpParameters.class);

            assertDoesNotThrow(() -> Ortc.validateRtpParameters(MediaKind.fromWire(kind), params), kind);
            assertDoesNotThrow(() -> Ortc.getProducerRtpParametersMapping(params, router), kind);
            assertEquals(1234L, params.encodings().get(0).ssrc());
        }
    }

    @Test
    void payloadTypesAreTheRoutersAndReceiveCapabilitiesCanConsume() throws Exception {
        int vp8 = router.codecs().stream().filter(c -> c.mimeType().equalsIgnoreCase("video/VP8")).findFirst()
                .orElseThrow().preferredPayloadType();
        assertEquals(vp8, media.videoPayloadType());

        RtpCapabilities caps = SignalingClient.JSON.treeToValue(media.receiveCapabilities(), RtpCapabilities.class);
        assertDoesNotThrow(() -> Ortc.validateRtpCapabilities(caps));
        assertEquals(2, caps.codecs().size());
        assertTrue(caps.headerExtensions().isEmpty());
    }

    @Test
    void aRouterWithoutVp8IsRefusedNamingIt() {
        RtpCapabilities audioOnly = new RtpCapabilities(router.codecs().stream()
                .filter(c -> c.kind().equals("audio")).toList(), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MediaParameters(audioOnly));
        assertTrue(e.getMessage().contains("video/VP8"), e.getMessage());
    }
}
