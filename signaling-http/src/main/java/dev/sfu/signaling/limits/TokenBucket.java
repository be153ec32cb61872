package dev.sfu.signaling.limits;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes one. Time
 * comes from the caller (milliseconds of any monotonic-enough clock), so tests drive it by hand.
 */
final class TokenBucket {
    private final double perSecond;
    private final int burst;
    private double tokens;
    private long lastRefillMillis;

    TokenBucket(double perSecond, int burst, long nowMillis) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillMillis = nowMillis;
    }

    synchronized boolean tryTake(long nowMillis) {
        refill(nowMillis);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** A full bucket behaves exactly like a new one, so it can be forgotten. */
    synchronized boolean isFull(long nowMillis) {
        refill(nowMillis);
        return tokens >= burst;
    }

    private void refill(long nowMillis) {
        long elapsed = nowMillis - lastRefillMillis;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond / 1000.0);
            lastRefillMillis = nowMillis;
        }
    }
}
