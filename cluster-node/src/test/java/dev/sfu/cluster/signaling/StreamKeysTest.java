package dev.sfu.cluster.signaling;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StreamKeysTest {

    @Test
    void takesAShortPlainKeyFromAppData() {
        assertEquals("cam-3f9a.video", StreamKeys.of(Map.of("source", "camera", "streamKey", "cam-3f9a.video")));
    }

    @Test
    void ignoresMissingOrUnusableKeys() {
        assertNull(StreamKeys.of(null));
        assertNull(StreamKeys.of(Map.of("source", "camera")));
        assertNull(StreamKeys.of(Map.of("streamKey", 42)));
        assertNull(StreamKeys.of(Map.of("streamKey", "")));
        assertNull(StreamKeys.of(Map.of("streamKey", "x".repeat(65))));
        assertNull(StreamKeys.of(Map.of("streamKey", "<script>")));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("streamKey", null);
        assertNull(StreamKeys.of(withNull));
    }
}
