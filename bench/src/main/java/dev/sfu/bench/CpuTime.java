package dev.sfu.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A {@link CpuStopwatch} as two JMH EVENTS counters, summed over the measurement iterations; CPU ns per op is
 * {@code cpuNanos / cpuOps} ({@code bench/report.sh} divides). The benchmark method copies the stopwatch in after
 * its work (two stores), so the totals trail by the invocation in progress, the same for both counters.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    public long cpuNanos;
    public long cpuOps;

    void copyFrom(CpuStopwatch stopwatch) {
        cpuNanos = stopwatch.nanos();
        cpuOps = stopwatch.ops();
    }
}
