package dev.sfu.bench.load;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadSampleTest {

    @Test
    void findsANamedThreadOfThisProcessAndSeesItWork() throws Exception {
        long pid = ProcessHandle.current().pid();
        CountDownLatch started = new CountDownLatch(1);
        double[] sink = new double[1];
        Thread spinner = new Thread(() -> {
            started.countDown();
            long until = System.nanoTime() + 600_000_000L;
            while (System.nanoTime() < until) sink[0] += Math.sqrt(sink[0] + 1);
        }, "probe-spinner");
        spinner.start();
        started.await();
        ThreadSample before = ThreadSample.read(pid, "probe-spin");
        spinner.join();
        ThreadSample after = ThreadSample.read(pid, "probe-spin");

        assertEquals(1, before.ticksByThread().size(), before.toString());
        // It ended before the second reading, so nothing is compared: no figure rather than a wrong one.
        assertEquals(0.0, after.busiestCoresSince(before));
        assertTrue(sink[0] > 0);
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
            ThreadSample before = ThreadSample.read(pid, "probe-busy");
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
