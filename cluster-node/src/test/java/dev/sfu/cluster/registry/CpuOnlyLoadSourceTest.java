package dev.sfu.cluster.registry;

import dev.sfu.signaling.api.NodeLoad;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuOnlyLoadSourceTest {

    @Test
    void reportsNoMediaAndTheCpuOfThisProcessInCores() {
        NodeLoad load = new CpuOnlyLoadSource().currentLoad();

        assertEquals(0, load.transports() + load.producers() + load.consumers());
        assertEquals(0, load.bitrateIn() + load.bitrateOut());
        assertTrue(load.cpu() >= 0 && load.cpu() <= Runtime.getRuntime().availableProcessors(), load.toString());
    }
}
