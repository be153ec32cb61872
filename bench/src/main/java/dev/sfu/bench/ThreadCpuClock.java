package dev.sfu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the benchmark thread, read around each invocation (outside JMH's timed region, in the states'
 * per-invocation setup and teardown). Wall-clock time per op counts the time the thread waited for a core; on a
 * machine shared with other work that wait dominates, CPU time does not include it. So ratios taken from CPU
 * time stay meaningful under load, while wall-clock figures are only an upper bound.
 */
final class ThreadCpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpuClock() {
    }

    static long nowNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
