package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadSampleTest {

    @Test
    void aThreadSeenInOnlyOneReadingIsLeftOut() throws Exception {
        long pid = ProcessHandle.current().pid();
        ThreadSample before = ThreadSample.read(pid, "probe-late");
        Thread spinner = new Thread(() -> {
            double x = 0;
            while (!Thread.currentThread().isInterrupted()) x += Math.sqrt(x + 1);
        }, "probe-late");
        spinner.start();
        try {
            Thread.sleep(300);
            ThreadSample after = ThreadSample.read(pid, "probe-late");
            assertEquals(0, before.ticksByThread().size());
            assertEquals(1, after.ticksByThread().size(), after.toString());
            // It started after the first reading: no figure rather than its CPU since it started.
            assertEquals(0.0, after.busiestCoresSince(before));
        } finally {
            spinner.interrupt();
            spinner.join();
        }
    }

    @Test
    void aBusyThreadReadsAsBusyAndOthersAreLeftOut() throws Exception {
        long pid = ProcessHandle.current().pid();
        Thread spinner = new Thread(() -> {
            double x = 0;
            while (!Thread.currentThread().isInterrupted()) x += Math.sqrt(x + 1);
        }, "probe-busy");
        spinner.start();
        try {
            // The JVM names the OS thread once it runs: wait until /proc shows it, or the first reading misses it.
            ThreadSample before = ThreadSample.read(pid, "probe-busy");
            for (int i = 0; i < 100 && before.ticksByThread().isEmpty(); i++) {
                Thread.sleep(50);
                before = ThreadSample.read(pid, "probe-busy");
            }
            Thread.sleep(500);
            ThreadSample after = ThreadSample.read(pid, "probe-busy");
            assertTrue(after.busiestCoresSince(before) > 0, after + " vs " + before);
            assertEquals(0, ThreadSample.read(pid, "no-such-thread").ticksByThread().size());
        } finally {
            spinner.interrupt();
            spinner.join();
        }
    }

    @Test
    void theMachineReadsBetweenIdleAndFullyBusy() throws Exception {
        MachineSample before = MachineSample.read();
        Thread.sleep(200);
        MachineSample after = MachineSample.read();

        assertNotNull(before);
        assertNotNull(after);
        double busy = after.busyPercentSince(before);
        assertTrue(busy >= 0 && busy <= 100, "busy " + busy);
        assertTrue(after.loadAverage() >= 0);
    }
}
