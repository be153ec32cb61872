package dev.sfu.signaling.limits;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    @Test
    void aFullBucketAllowsItsBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);

        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(0));
    }

    @Test
    void refillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }

        assertFalse(bucket.tryTake(99), "one token takes 100 ms at 10/s");
        assertTrue(bucket.tryTake(100));
        assertFalse(bucket.tryTake(100));
    }

    @Test
    void neverHoldsMoreThanItsBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);

        assertTrue(bucket.isFull(60_000));
        assertTrue(bucket.tryTake(60_000));
        assertTrue(bucket.tryTake(60_000));
        assertFalse(bucket.tryTake(60_000), "an hour of idling still buys only the burst");
        assertFalse(bucket.isFull(60_000));
    }

    @Test
    void aClockGoingBackwardsAddsNothing() {
        TokenBucket bucket = new TokenBucket(10, 1, 1000);
        assertTrue(bucket.tryTake(1000));

        assertFalse(bucket.tryTake(500));
    }
}
