package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecParametersTest {

    @Test
    void readsIntegersWrittenAsNumbersOrText() {
        Map<String, Object> p = Map.of("a", 1, "b", 2L, "c", " 3", "d", 4.0, "e", "x", "f", 4.5);
        assertEquals(Optional.of(1), CodecParameters.integer(p, "a"));
        assertEquals(Optional.of(2), CodecParameters.integer(p, "b"));
        assertEquals(Optional.of(3), CodecParameters.integer(p, "c"));
        assertEquals(Optional.of(4), CodecParameters.integer(p, "d"));
        assertEquals(Optional.empty(), CodecParameters.integer(p, "e"));
        assertEquals(Optional.empty(), CodecParameters.integer(p, "f"));
        assertEquals(7, CodecParameters.integerOr(null, "a", 7));
    }

    @Test
    void copiesKeepTheGivenOrder() {
        Map<String, Object> built = CodecParameters.of("z", 1, "a", 2, "m", 3);
        assertEquals(List.of("z", "a", "m"), List.copyOf(CodecParameters.copy(built).keySet()));
        assertEquals(Map.of(), CodecParameters.copy(null));
    }
}
