package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BottleneckTest {

    @Test
    void aSaturatedLoopNamesItsOwnerAndTheBusierOneWins() {
        assertEquals(Bottleneck.SFU, Bottleneck.of(0.4, 0.95, 99));
        assertEquals(Bottleneck.LOAD_TOOL, Bottleneck.of(0.97, 0.5, 99));
        assertEquals(Bottleneck.LOAD_TOOL, Bottleneck.of(0.97, 0.9, 99));
        assertEquals(Bottleneck.SFU, Bottleneck.of(0.9, 0.97, 99));
    }

    @Test
    void busyCoresWithoutASaturatedLoopIsTheMachineAndAQuietStepIsNothing() {
        assertEquals(Bottleneck.MACHINE, Bottleneck.of(0.5, 0.6, 95));
        assertEquals(Bottleneck.NONE, Bottleneck.of(0.5, 0.6, 60));
        assertEquals("load-tool", Bottleneck.LOAD_TOOL.wireName());
    }
}
