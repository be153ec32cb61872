package dev.sfu.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcContextMapTest {
    @Test
    void behavesLikeAMapForManyKeysIncludingZeroAndNegative() {
        SsrcContextMap<String> map = new SsrcContextMap<>(10_000);
        Map<Integer, String> expected = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < 500; i++) {
            int ssrc = i == 0 ? 0 : i == 1 ? -1 : random.nextInt();
            if (!expected.containsKey(ssrc)) {
                assertTrue(map.put(ssrc, "v" + ssrc));
                expected.put(ssrc, "v" + ssrc);
            }
        }
        expected.forEach((ssrc, value) -> assertEquals(value, map.get(ssrc)));
        assertEquals(expected.size(), map.size());
        int absent = 7;
        while (expected.containsKey(absent)) {
            absent++;
        }
        assertNull(map.get(absent));
    }

    @Test
    void refusesNewKeysWhenFullAndForgetsAllOnClear() {
        SsrcContextMap<String> map = new SsrcContextMap<>(2);
        assertTrue(map.put(1, "a"));
        assertTrue(map.put(2, "b"));
        assertFalse(map.put(3, "c"));
        assertNull(map.get(3));
        map.clear();
        assertNull(map.get(1));
        assertEquals(0, map.size());
    }
}
