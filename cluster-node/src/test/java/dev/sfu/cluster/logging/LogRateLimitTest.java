package dev.sfu.cluster.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRateLimitTest {

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        LogRateLimit limit = new LogRateLimit(10, 3);
        assertTrue(limit.tryAcquire(0));
        assertTrue(limit.tryAcquire(0));
        assertTrue(limit.tryAcquire(0));
        assertFalse(limit.tryAcquire(0));
        assertEquals(1, limit.dropped());
        assertTrue(limit.tryAcquire(100_000_000L)); // 0.1 s at 10/s is one more line
        assertFalse(limit.tryAcquire(100_000_000L));
        assertEquals(2, limit.dropped());
    }
}
