package dev.sfu.signaling.limits;

import dev.sfu.signaling.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(new LimitSettings(true, 1, 2, 100, false), clock);

        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "another client is not held back by the first");
    }

    @Test
    void aRefusedKeyRecoversWithTime() {
        RateLimiter limiter = new RateLimiter(new LimitSettings(true, 2, 1, 100, false), clock);
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));

        clock.advance(Duration.ofMillis(500));

        assertTrue(limiter.tryAcquire("a"));
        assertEquals(1, limiter.retryAfterSeconds());
    }

    @Test
    void idleKeysAreForgotten() {
        RateLimiter limiter = new RateLimiter(new LimitSettings(true, 10, 5, 100, false), clock);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        assertEquals(2, limiter.trackedKeys());

        clock.advance(Duration.ofSeconds(2));
        limiter.tryAcquire("c");

        assertEquals(1, limiter.trackedKeys(), "a and b refilled, so they were swept");
    }

    @Test
    void keysBeyondTheTrackedMaximumShareOneBucket() {
        RateLimiter limiter = new RateLimiter(new LimitSettings(true, 1, 2, 2, false), clock);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");

        assertTrue(limiter.tryAcquire("c"));
        assertTrue(limiter.tryAcquire("d"));
        assertFalse(limiter.tryAcquire("e"), "c, d and e share the overflow bucket of 2");
        assertEquals(3, limiter.trackedKeys());
    }
}
