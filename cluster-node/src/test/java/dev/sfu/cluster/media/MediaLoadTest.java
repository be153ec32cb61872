package dev.sfu.cluster.media;

import dev.sfu.signaling.api.NodeLoad;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaLoadTest {

    @Test
    void startsEmptyAndReportsTheLatestCountsWithCpu() {
        MediaLoad load = new MediaLoad();
        assertEquals(0, load.currentLoad().transports());

        load.update(3, 2, 5, 64_000, 320_000);
        NodeLoad now = load.currentLoad();
        assertEquals(new NodeLoad(3, 2, 5, 64_000, 320_000, now.cpu()), now);
        assertTrue(now.cpu() >= 0 && now.cpu() <= Runtime.getRuntime().availableProcessors(), "cpu " + now.cpu());
    }
}
