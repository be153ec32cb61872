package dev.sfu.bench.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExactAndPercentilesFollowTheRanks() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 50; v++) h.record(v);

        assertEquals(50, h.count());
        assertEquals(25, h.percentileMicros(0.5));
        assertEquals(50, h.percentileMicros(0.99));
        assertEquals(50, h.maxMicros());
    }

    @Test
    void largeValuesStayWithinTwoPercent() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(123_456);

        long p = h.percentileMicros(0.5);
        assertTrue(Math.abs(p - 123_456) <= 123_456 * 0.02, Long.toString(p));
    }

    @Test
    void bucketsCoverEveryValueWithoutGaps() {
        for (long v : new long[] {63, 64, 65, 127, 128, 1_000, 65_535, 1L << 30}) {
            int i = LatencyHistogram.index(v);
            assertTrue(LatencyHistogram.lower(i) <= v && v <= LatencyHistogram.upper(i), "value " + v);
        }
    }

    @Test
    void aWindowIsTheDifferenceOfTwoCopies() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(10);
        LatencyHistogram before = h.copy();
        h.record(1_000);
        h.record(2_000);

        LatencyHistogram window = h.copy().minus(before);
        assertEquals(2, window.count());
        assertTrue(window.percentileMicros(0.01) >= 990, window.toString());
        assertEquals(2_000, window.maxMicros(), 40);
    }

    @Test
    void anEmptyHistogramAnswersZero() {
        assertEquals(0, new LatencyHistogram().percentileMicros(0.99));
    }
}
