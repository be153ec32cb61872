package dev.sfu.media.srtp;

/**
 * What one {@link SrtpSession} did with its packets. Updated on the media thread; read anywhere (values may lag).
 */
public final class SrtpCounters {
    private volatile long protectedPackets;
    private volatile long unprotectedPackets;
    private volatile long authFailures;
    private volatile long replayDrops;
    private volatile long otherDrops;

    /** Packets encrypted and authenticated for sending. */
    public long protectedPackets() { return protectedPackets; }

    /** Packets received that authenticated and decrypted. */
    public long unprotectedPackets() { return unprotectedPackets; }

    /** Received packets whose authentication tag did not verify. */
    public long authFailures() { return authFailures; }

    /** Received packets dropped as replays (or too old for the replay window). */
    public long replayDrops() { return replayDrops; }

    /** Packets dropped for any other reason: malformed, truncated, crypto errors. */
    public long otherDrops() { return otherDrops; }

    void countProtected() { protectedPackets++; }

    void countUnprotected() { unprotectedPackets++; }

    void countAuthFailure() { authFailures++; }

    void countReplayDrop() { replayDrops++; }

    void countOtherDrop() { otherDrops++; }

    @Override
    public String toString() {
        return "SrtpCounters{protected=" + protectedPackets + ", unprotected=" + unprotectedPackets
                + ", authFailures=" + authFailures + ", replayDrops=" + replayDrops + ", otherDrops=" + otherDrops + '}';
    }
}
