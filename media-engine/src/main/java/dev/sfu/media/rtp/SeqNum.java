package dev.sfu.media.rtp;

/** Arithmetic on 16-bit RTP sequence numbers, which wrap around. */
public final class SeqNum {
    private SeqNum() {
    }

    /** True when {@code a} comes after {@code b} (within half the number space). */
    public static boolean isNewer(int a, int b) {
        int diff = (a - b) & 0xFFFF;
        return diff != 0 && diff < 0x8000;
    }

    /** How many steps forward from {@code from} to {@code to}, modulo 2^16. */
    public static int forwardDistance(int from, int to) {
        return (to - from) & 0xFFFF;
    }

    public static int add(int seq, int delta) {
        return (seq + delta) & 0xFFFF;
    }
}
