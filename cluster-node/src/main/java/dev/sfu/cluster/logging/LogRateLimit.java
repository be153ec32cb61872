package dev.sfu.cluster.logging;

/** A token bucket for log lines: {@code perSecond} on average, bursts up to {@code burst}; thread-safe. */
final class LogRateLimit {
    private final double perNano;
    private final int burst;
    private double tokens;
    private long lastNanos;
    private boolean started;
    private long dropped;

    LogRateLimit(int perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        if (started) {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        }
        started = true;
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        dropped++;
        return false;
    }

    synchronized long dropped() {
        return dropped;
    }
}
