package dev.sfu.signaling.api;

/** What a member reports about its load, about once a second. Bitrates in bits per second; cpu in cores used. */
public record NodeLoad(int transports, int producers, int consumers, long bitrateIn, long bitrateOut, double cpu) {
    public static final NodeLoad EMPTY = new NodeLoad(0, 0, 0, 0, 0, 0.0);
}
