package dev.sfu.media.ortc;

import static dev.sfu.media.ortc.H264ProfileLevelId.Profile.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class H264ProfileLevelIdTest {

    @ParameterizedTest
    @CsvSource({
            "42e01f, CONSTRAINED_BASELINE, 31",
            "42c01f, CONSTRAINED_BASELINE, 31",
            "4d401f, MAIN, 31",      // constraint_set1 alone does not make Main constrained
            "4d801f, CONSTRAINED_BASELINE, 31",
            "42001f, BASELINE, 31",
            "4d001f, MAIN, 31",
            "4d0032, MAIN, 50",
            "58c01f, CONSTRAINED_BASELINE, 31",
            "58801f, BASELINE, 31",
            "640032, HIGH, 50",
            "640c1f, CONSTRAINED_HIGH, 31",
            "f4001f, PREDICTIVE_HIGH_444, 31",
            "42E01F, CONSTRAINED_BASELINE, 31"})
    void readsProfileAndLevel(String hex, H264ProfileLevelId.Profile profile, int level) {
        H264ProfileLevelId id = H264ProfileLevelId.parse(hex).orElseThrow();
        assertEquals(profile, id.profile());
        assertEquals(level, id.levelIdc());
    }

    @Test
    void recognisesLevel1bFromConstraintSet3() {
        assertTrue(H264ProfileLevelId.parse("42f00b").orElseThrow().level1b());
        assertFalse(H264ProfileLevelId.parse("42e00b").orElseThrow().level1b());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42e0", "42e01f0", "zzzzzz", "42e0ff", "43e01f", "42e11f", "64101f"})
    void rejectsMalformedOrUnknownValues(String hex) {
        assertTrue(H264ProfileLevelId.parse(hex).isEmpty(), hex);
    }

    @Test
    void treatsAMissingValueAsConstrainedBaseline() {
        assertEquals(CONSTRAINED_BASELINE, H264ProfileLevelId.of(Map.of()).orElseThrow().profile());
        assertEquals(CONSTRAINED_BASELINE, H264ProfileLevelId.of(null).orElseThrow().profile());
    }

    @Test
    void comparesProfilesNotBytes() {
        assertTrue(H264ProfileLevelId.sameProfile(Map.of("profile-level-id", "42e01f"),
                Map.of("profile-level-id", "4d8034")));
        assertTrue(H264ProfileLevelId.sameProfile(Map.of(), Map.of("profile-level-id", "42e01f")));
        assertFalse(H264ProfileLevelId.sameProfile(Map.of("profile-level-id", "42e01f"),
                Map.of("profile-level-id", "4d001f")));
        assertFalse(H264ProfileLevelId.sameProfile(Map.of("profile-level-id", "bogus!"),
                Map.of("profile-level-id", "bogus!")));
    }
}
