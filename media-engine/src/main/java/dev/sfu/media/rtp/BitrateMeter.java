package dev.sfu.media.rtp;

/** Bits per second over a sliding one-second window, kept in ten 100 ms buckets. */
public final class BitrateMeter {
    private static final int BUCKETS = 10;
    private static final long BUCKET_MILLIS = 100;

    private final long[] bytes = new long[BUCKETS];
    /** Index (time / bucket width) of the newest bucket written. */
    private long newestBucket = Long.MIN_VALUE;

    public void add(int byteCount, long nowMillis) {
        advance(nowMillis);
        bytes[(int) Math.floorMod(newestBucket, (long) BUCKETS)] += byteCount;
    }

    public long bitsPerSecond(long nowMillis) {
        advance(nowMillis);
        long sum = 0;
        for (long b : bytes) {
            sum += b;
        }
        return sum * 8 * 1000 / (BUCKETS * BUCKET_MILLIS);
    }

    private void advance(long nowMillis) {
        long bucket = Math.floorDiv(nowMillis, BUCKET_MILLIS);
        if (newestBucket == Long.MIN_VALUE || bucket - newestBucket >= BUCKETS) {
            java.util.Arrays.fill(bytes, 0);
        } else {
            for (long b = newestBucket + 1; b <= bucket; b++) {
                bytes[(int) Math.floorMod(b, (long) BUCKETS)] = 0;
            }
        }
        if (newestBucket == Long.MIN_VALUE || bucket > newestBucket) {
            newestBucket = bucket;
        }
    }
}
