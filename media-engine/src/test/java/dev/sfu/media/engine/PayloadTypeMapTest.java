package dev.sfu.media.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayloadTypeMapTest {

    @Test
    void mapsKnownTypesAndRejectsOthers() {
        PayloadTypeMap map = new PayloadTypeMap().put(96, 101).put(111, 100);
        assertEquals(101, map.map(96));
        assertEquals(100, map.map(111));
        assertEquals(-1, map.map(97));
    }
}
