package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecMatcherTest {

    private static CodecMatcher.Codec codec(String mime, int clockRate, Integer channels, Map<String, Object> params) {
        return new CodecMatcher.Codec(mime, clockRate, channels, params);
    }

    @Test
    void comparesMimeTypeIgnoringCase() {
        assertTrue(CodecMatcher.matches(codec("video/VP8", 90000, null, Map.of()), codec("video/vp8", 90000, null, null), true));
        assertFalse(CodecMatcher.matches(codec("video/VP8", 90000, null, Map.of()), codec("video/VP9", 90000, null, null), false));
        assertFalse(CodecMatcher.matches(codec("video/VP8", 90000, null, Map.of()), codec("video/VP8", 48000, null, null), false));
        assertFalse(CodecMatcher.matches(codec(null, 90000, null, Map.of()), codec("video/VP8", 90000, null, null), false));
    }

    @Test
    void comparesAudioChannelsWithMonoAsDefault() {
        assertFalse(CodecMatcher.matches(codec("audio/opus", 48000, 2, null), codec("audio/opus", 48000, 1, null), true));
        assertTrue(CodecMatcher.matches(codec("audio/PCMU", 8000, null, null), codec("audio/PCMU", 8000, 1, null), true));
    }

    @Test
    void requiresTheSameVp9ProfileOnlyWhenStrict() {
        CodecMatcher.Codec p0 = codec("video/VP9", 90000, null, Map.of());
        CodecMatcher.Codec p2 = codec("video/VP9", 90000, null, Map.of("profile-id", "2"));
        assertFalse(CodecMatcher.matches(p0, p2, true));
        assertTrue(CodecMatcher.matches(p0, p2, false));
        assertTrue(CodecMatcher.matches(p2, codec("video/VP9", 90000, null, Map.of("profile-id", 2)), true));
    }

    @Test
    void requiresTheSameH264PacketizationModeAndProfile() {
        CodecMatcher.Codec cb = codec("video/H264", 90000, null, Map.of("packetization-mode", 1, "profile-level-id", "42e01f"));
        assertTrue(CodecMatcher.matches(cb, codec("video/H264", 90000, null,
                Map.of("packetization-mode", "1", "profile-level-id", "42e034")), true));
        assertFalse(CodecMatcher.matches(cb, codec("video/H264", 90000, null, Map.of("profile-level-id", "42e01f")), true));
        assertFalse(CodecMatcher.matches(cb, codec("video/H264", 90000, null,
                Map.of("packetization-mode", 1, "profile-level-id", "640c1f")), true));
    }
}
