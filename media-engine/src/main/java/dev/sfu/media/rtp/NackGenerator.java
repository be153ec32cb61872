package dev.sfu.media.rtp;

/**
 * Receive-side loss detection for one stream: remembers the sequence numbers that are missing and says which
 * ones to NACK now (RFC 4585 generic NACK), retrying each up to a limit. Primitive arrays, no garbage.
 */
public final class NackGenerator {
    public static final int MAX_MISSING = 512;
    public static final int MAX_RETRIES = 10;
    /** A jump larger than this is treated as a stream restart: forget the gap and ask for a key frame. */
    public static final int MAX_GAP = 1000;
    private static final long MIN_RETRY_INTERVAL_MILLIS = 20;
    private static final long DEFAULT_RETRY_INTERVAL_MILLIS = 100;

    private final int[] missing = new int[MAX_MISSING];
    private final int[] retries = new int[MAX_MISSING];
    private final long[] lastRequestedAt = new long[MAX_MISSING];
    private int count;
    private boolean started;
    private int highestSeq;
    private long nackedTotal;
    private long recoveredTotal;
    private long abandonedTotal;

    /**
     * Records the arrival of {@code seq}. Returns true when the loss is beyond repair by NACK (the list
     * overflowed or the stream jumped) and the caller should request a key frame instead.
     */
    public boolean onPacket(int seq) {
        if (!started) {
            started = true;
            highestSeq = seq;
            return false;
        }
        int ahead = SeqNum.forwardDistance(highestSeq, seq);
        if (ahead == 0) {
            return false;
        }
        if (ahead >= 0x8000) {
            if (remove(seq)) {
                recoveredTotal++;
            }
            return false;
        }
        boolean keyFrameNeeded = false;
        if (ahead - 1 > MAX_GAP) {
            abandonedTotal += count;
            count = 0;
            keyFrameNeeded = true;
        } else {
            for (int s = SeqNum.add(highestSeq, 1); s != seq; s = SeqNum.add(s, 1)) {
                if (count == MAX_MISSING) {
                    dropOldest();
                    keyFrameNeeded = true;
                }
                missing[count] = s;
                retries[count] = 0;
                lastRequestedAt[count] = Long.MIN_VALUE;
                count++;
            }
        }
        highestSeq = seq;
        return keyFrameNeeded;
    }

    /**
     * Writes into {@code out} the sequence numbers to NACK now and returns how many. Each is asked for again
     * after one RTT (or 100 ms unknown) and given up after {@link #MAX_RETRIES}.
     */
    public int collect(long nowMillis, long rttMillis, int[] out) {
        long interval = rttMillis > 0 ? Math.max(MIN_RETRY_INTERVAL_MILLIS, rttMillis) : DEFAULT_RETRY_INTERVAL_MILLIS;
        int n = 0;
        int i = 0;
        while (i < count && n < out.length) {
            if (retries[i] >= MAX_RETRIES) {
                removeAt(i);
                abandonedTotal++;
                continue;
            }
            if (lastRequestedAt[i] == Long.MIN_VALUE || nowMillis - lastRequestedAt[i] >= interval) {
                out[n++] = missing[i];
                retries[i]++;
                lastRequestedAt[i] = nowMillis;
                nackedTotal++;
            }
            i++;
        }
        return n;
    }

    public int missingCount() { return count; }
    public long nackedTotal() { return nackedTotal; }
    public long recoveredTotal() { return recoveredTotal; }
    public long abandonedTotal() { return abandonedTotal; }

    public void reset() {
        started = false;
        count = 0;
    }

    private boolean remove(int seq) {
        for (int i = 0; i < count; i++) {
            if (missing[i] == seq) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private void dropOldest() {
        removeAt(0);
        abandonedTotal++;
    }

    private void removeAt(int i) {
        int tail = count - i - 1;
        System.arraycopy(missing, i + 1, missing, i, tail);
        System.arraycopy(retries, i + 1, retries, i, tail);
        System.arraycopy(lastRequestedAt, i + 1, lastRequestedAt, i, tail);
        count--;
    }
}
