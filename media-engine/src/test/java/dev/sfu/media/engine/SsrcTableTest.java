package dev.sfu.media.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SsrcTableTest {

    @Test
    void growsAndRemovesByValue() {
        SsrcTable<String> table = new SsrcTable<>();
        for (long ssrc = 0; ssrc < 100; ssrc++) {
            table.put(ssrc * 0x01000193L & 0xFFFFFFFFL, ssrc % 2 == 0 ? "v0" : "v1");
        }
        assertEquals(100, table.size());
        assertEquals("v1", table.get(0x01000193L));
        assertNull(table.get(0xFFFFFFFFL));
        table.removeValue("v1");
        assertEquals(50, table.size());
        assertNull(table.get(0x01000193L));
        assertEquals("v0", table.get(0));
        table.put(0, "x");
        assertEquals("x", table.get(0));
        assertEquals(50, table.size());
    }
}
