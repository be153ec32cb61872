package dev.sfu.bench.load;

import java.util.Arrays;

/**
 * Latencies in microseconds, counted in log-linear buckets (exact below 64 µs, then 64 buckets per power of two:
 * under 1.6 % error) so that recording is an array increment and a subscriber's histogram stays a few KB.
 * Not thread-safe: each subscriber records on its own event-loop thread and copies under its own lock.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final long MAX_VALUE = (1L << 31) - 1;
    private static final int BUCKETS = SUB_COUNT + (31 - SUB_BITS) * SUB_COUNT;

    private final int[] counts;
    private long total;
    private long max;

    public LatencyHistogram() {
        this(new int[BUCKETS], 0, 0);
    }

    private LatencyHistogram(int[] counts, long total, long max) {
        this.counts = counts;
        this.total = total;
        this.max = max;
    }

    public void record(long micros) {
        long value = Math.max(0, Math.min(micros, MAX_VALUE));
        counts[index(value)]++;
        total++;
        if (value > max) {
            max = value;
        }
    }

    public long count() {
        return total;
    }

    public long maxMicros() {
        return max;
    }

    /** The value below which a share {@code q} (0..1] of the samples fall, as a bucket midpoint; 0 when empty. */
    public long percentileMicros(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, midpoint(i));
            }
        }
        return max;
    }

    public LatencyHistogram copy() {
        return new LatencyHistogram(counts.clone(), total, max);
    }

    /** Adds another histogram's samples to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    /**
     * The samples recorded in this (later) copy and not in {@code earlier}. The max of the window is not known
     * exactly, so it is the top of the highest non-empty bucket, capped by this copy's max.
     */
    public LatencyHistogram minus(LatencyHistogram earlier) {
        int[] diff = new int[counts.length];
        long sum = 0;
        long windowMax = 0;
        for (int i = 0; i < counts.length; i++) {
            diff[i] = counts[i] - earlier.counts[i];
            sum += diff[i];
            if (diff[i] > 0) {
                windowMax = Math.min(max, upper(i));
            }
        }
        return new LatencyHistogram(diff, sum, windowMax);
    }

    static int index(long value) {
        if (value < SUB_COUNT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BITS;
        int sub = (int) (value >>> shift) & (SUB_COUNT - 1);
        return SUB_COUNT + shift * SUB_COUNT + sub;
    }

    static long lower(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        int sub = (index - SUB_COUNT) % SUB_COUNT;
        return (long) (SUB_COUNT + sub) << shift;
    }

    static long upper(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        return lower(index) + (1L << shift) - 1;
    }

    private static long midpoint(int index) {
        return (lower(index) + upper(index)) / 2;
    }

    @Override
    public String toString() {
        return "LatencyHistogram[count=" + total + ", max=" + max + ", nonEmpty="
                + Arrays.stream(counts).filter(c -> c > 0).count() + "]";
    }
}
