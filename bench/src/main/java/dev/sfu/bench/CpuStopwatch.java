package dev.sfu.bench;

/**
 * CPU time of the benchmark thread over its invocations. The states that prepare each invocation start it last
 * thing in their per-invocation setup and stop it first thing in their teardown, so it brackets the invocation
 * from outside JMH's timed region.
 */
final class CpuStopwatch {
    private long nanos;
    private long ops;
    private long startedAt;

    void start() {
        startedAt = ThreadCpuClock.nowNanos();
    }

    void stop(int opsDone) {
        nanos += ThreadCpuClock.nowNanos() - startedAt;
        ops += opsDone;
    }

    void reset() {
        nanos = 0;
        ops = 0;
    }

    long nanos() { return nanos; }
    long ops() { return ops; }
}
