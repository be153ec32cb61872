package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ScalabilityModeTest {

    @Test
    void readsSpatialAndTemporalLayers() {
        assertEquals(new ScalabilityMode(1, 3, false), ScalabilityMode.parse("L1T3").orElseThrow());
        assertEquals(new ScalabilityMode(3, 3, true), ScalabilityMode.parse("L3T3_KEY").orElseThrow());
        assertEquals(new ScalabilityMode(3, 2, false), ScalabilityMode.parse("S3T2").orElseThrow());
        assertEquals(new ScalabilityMode(2, 1, false), ScalabilityMode.parse("L2T1h").orElseThrow());
    }

    @Test
    void rejectsOtherText() {
        assertTrue(ScalabilityMode.parse("X1T3").isEmpty());
        assertTrue(ScalabilityMode.parse("L0T1").isEmpty());
        assertTrue(ScalabilityMode.parse("LT").isEmpty());
        assertTrue(ScalabilityMode.parse(null).isEmpty());
    }

    @Test
    void readsNothingAsOneLayer() {
        assertEquals(ScalabilityMode.SINGLE_LAYER, ScalabilityMode.parseOrSingleLayer(null));
        assertEquals(ScalabilityMode.SINGLE_LAYER, ScalabilityMode.parseOrSingleLayer("garbage"));
    }
}
