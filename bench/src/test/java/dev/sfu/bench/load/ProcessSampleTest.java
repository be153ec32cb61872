package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessSampleTest {

    @Test
    void readsThisProcessAndSeesItsCpuTimeGrow() {
        long pid = ProcessHandle.current().pid();
        ProcessSample before = ProcessSample.read(pid);
        long spin = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < spin) sink += Math.sqrt(sink + 1);
        ProcessSample after = ProcessSample.read(pid);

        assertNotNull(before);
        assertNotNull(after);
        assertTrue(sink > 0);
        assertTrue(after.rssKb() > 0);
        assertTrue(after.cpuTicks() >= before.cpuTicks());
        assertTrue(after.coresSince(before) >= 0);
    }

    @Test
    void aProcessThatDoesNotExistReadsAsNull() {
        assertNull(ProcessSample.read(Integer.MAX_VALUE));
    }
}
