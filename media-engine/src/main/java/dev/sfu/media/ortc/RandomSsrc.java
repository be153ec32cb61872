package dev.sfu.media.ortc;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random SSRCs for router-side streams. Values come from a middle band of the 32-bit space so that consecutive
 * SSRCs derived from one (base + encoding index) never wrap.
 */
public final class RandomSsrc {
    private static final long LOW = 100_000_000L;
    private static final long HIGH = 4_000_000_000L;

    private RandomSsrc() {
    }

    public static long next() {
        return ThreadLocalRandom.current().nextLong(LOW, HIGH);
    }
}
