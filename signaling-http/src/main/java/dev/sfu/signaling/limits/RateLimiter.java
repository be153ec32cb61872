package dev.sfu.signaling.limits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per key (a client address, a token). Memory stays bounded: full buckets (idle clients) are
 * swept out, and once {@code maxTrackedClients} keys are tracked, new keys share one overflow bucket, so a flood
 * from many addresses is still limited, together.
 */
public final class RateLimiter {
    static final String OVERFLOW_KEY = "\0overflow";

    private final LimitSettings settings;
    private final Clock clock;
    private final long sweepIntervalMillis;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepMillis;

    public RateLimiter(LimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // After this long without requests a bucket is full again.
        this.sweepIntervalMillis = Math.max(1000, (long) Math.ceil(settings.burst() * 1000.0 / settings.requestsPerSecond()));
        this.lastSweepMillis = new AtomicLong(clock.millis());
    }

    /** Takes one token for {@code key}; false means the key is over its rate (answer 429). */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        sweepIfDue(now);
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            String tracked = buckets.size() < settings.maxTrackedClients() ? key : OVERFLOW_KEY;
            bucket = buckets.computeIfAbsent(tracked, k -> new TokenBucket(settings.requestsPerSecond(), settings.burst(), now));
        }
        return bucket.tryTake(now);
    }

    /** Seconds until a refused key has a token again, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / settings.requestsPerSecond()));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweepMillis.get();
        if (now - last >= sweepIntervalMillis && lastSweepMillis.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }
}
