package dev.sfu.media.rtp;

/**
 * Rewrites one consumer's outgoing sequence numbers and timestamps so its stream stays continuous whatever
 * happens upstream: after {@link #resync()} (a resume, or a switch to another source stream) the next packet
 * continues the sequence without a hole and its timestamp advances by the wall-clock time since the last
 * packet sent.
 */
public final class RtpStreamRewriter {
    /** How far behind the newest packet the mapping's lower bound trails (a quarter of the sequence space). */
    static final int MAPPING_WINDOW = 0x4000;

    private final int clockRate;

    private boolean started;
    private boolean resyncPending = true;
    private int seqOffset;
    private long tsOffset;
    /**
     * Lower bound of the current mapping: the first input sequence number after the last resync, dragged along
     * behind the stream (never more than {@link #MAPPING_WINDOW} back) so that 16-bit wrap-around comparisons
     * with it stay meaningful however long the stream runs. Anything older belongs to the previous mapping.
     */
    private int syncInputSeq;
    private int highestOutputSeq;
    private long highestOutputTs;
    private long lastSentAtMillis;

    public RtpStreamRewriter(int clockRate) {
        this.clockRate = clockRate;
    }

    /** The next packet starts a new mapping (the source changed or the stream paused). */
    public void resync() {
        resyncPending = true;
    }

    /**
     * Rewrites seq and timestamp of {@code packet} in place. Returns false when the packet must be dropped
     * because it precedes the current mapping.
     */
    public boolean rewrite(RtpPacket packet, long nowMillis) {
        int inSeq = packet.sequenceNumber();
        long inTs = packet.timestamp();
        if (resyncPending) {
            if (started) {
                int outSeq = SeqNum.add(highestOutputSeq, 1);
                long elapsed = Math.max(0, nowMillis - lastSentAtMillis);
                long outTs = (highestOutputTs + Math.max(1, elapsed * clockRate / 1000)) & 0xFFFFFFFFL;
                seqOffset = (outSeq - inSeq) & 0xFFFF;
                tsOffset = (outTs - inTs) & 0xFFFFFFFFL;
            } else {
                seqOffset = 0;
                tsOffset = 0;
            }
            syncInputSeq = inSeq;
            resyncPending = false;
            started = true;
            highestOutputSeq = SeqNum.add(inSeq, seqOffset - 1);
        } else if (SeqNum.isNewer(syncInputSeq, inSeq)) {
            return false;
        }
        int outSeq = outputSeq(inSeq);
        long outTs = outputTimestamp(inTs);
        if (SeqNum.forwardDistance(syncInputSeq, inSeq) > MAPPING_WINDOW) {
            syncInputSeq = SeqNum.add(inSeq, -MAPPING_WINDOW);
        }
        if (SeqNum.isNewer(outSeq, highestOutputSeq)) {
            highestOutputSeq = outSeq;
            highestOutputTs = outTs;
            lastSentAtMillis = nowMillis;
        }
        packet.setSequenceNumber(outSeq);
        packet.setTimestamp(outTs);
        return true;
    }

    public boolean started() { return started; }
    public int outputSeq(int inputSeq) { return SeqNum.add(inputSeq, seqOffset); }
    public int inputSeq(int outputSeq) { return SeqNum.add(outputSeq, -seqOffset); }
    public long outputTimestamp(long inputTs) { return (inputTs + tsOffset) & 0xFFFFFFFFL; }
    public long timestampOffset() { return tsOffset; }
    public int highestOutputSeq() { return highestOutputSeq; }
    public long highestOutputTimestamp() { return highestOutputTs; }
    public long lastSentAtMillis() { return lastSentAtMillis; }
    public int clockRate() { return clockRate; }

    /** True when {@code outputSeq} was produced by the current mapping (so it can be mapped back). */
    public boolean isCurrentMapping(int outputSeq) {
        return started && !resyncPending && !SeqNum.isNewer(outputSeq(syncInputSeq), outputSeq)
                && !SeqNum.isNewer(outputSeq, highestOutputSeq);
    }
}
