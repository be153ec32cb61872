package dev.sfu.media.ortc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the capabilities and producer parameters captured from Chromium's mediasoup-client (see
 * {@code src/test/resources/chromium/README.md}). mediasoup-client sends fields we do not model (encodings'
 * "active", "scaleResolutionDownBy"), so unknown fields are ignored as the signaling layer must do.
 */
final class ChromiumFixtures {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ChromiumFixtures() {
    }

    static RtpCapabilities routerCapabilities() {
        return read("router-rtp-capabilities.json", RtpCapabilities.class);
    }

    static RtpCapabilities deviceCapabilities() {
        return read("device-rtp-capabilities.json", RtpCapabilities.class);
    }

    static RtpParameters audioOpus() {
        return read("produce-audio-opus.json", RtpParameters.class);
    }

    static RtpParameters videoVp8() {
        return read("produce-video-vp8.json", RtpParameters.class);
    }

    static RtpParameters videoVp9() {
        return read("produce-video-vp9.json", RtpParameters.class);
    }

    static RtpParameters videoH264() {
        return read("produce-video-h264.json", RtpParameters.class);
    }

    static RtpParameters videoH264Main() {
        return read("produce-video-h264-main.json", RtpParameters.class);
    }

    static RtpParameters videoVp8Simulcast() {
        return read("produce-video-vp8-simulcast.json", RtpParameters.class);
    }

    /** name (e.g. "video-vp8") -> {kind, rtpParameters} of the consumers Chromium accepted. */
    static Map<String, AcceptedConsumer> acceptedConsumers() {
        return read("consumers-accepted-by-chromium.json", new TypeReference<LinkedHashMap<String, AcceptedConsumer>>() {
        });
    }

    record AcceptedConsumer(String kind, RtpParameters rtpParameters) {
    }

    static <T> T read(String name, TypeReference<T> type) {
        try (InputStream in = ChromiumFixtures.class.getResourceAsStream("/chromium/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource chromium/" + name);
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String name, Class<T> type) {
        try (InputStream in = ChromiumFixtures.class.getResourceAsStream("/chromium/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource chromium/" + name);
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
