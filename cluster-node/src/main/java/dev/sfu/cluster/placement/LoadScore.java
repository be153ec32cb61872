package dev.sfu.cluster.placement;

import dev.sfu.signaling.api.NodeLoad;

/**
 * One number for how busy a member is; lower is less loaded. An SFU's cost grows with what it sends: each consumer
 * is a copy of a stream to encrypt and send, outgoing bitrate is the bandwidth those copies use, and CPU catches
 * everything else (DTLS handshakes, RTCP, the JVM). The weights make those comparable:
 * <ul>
 *   <li>{@value #PER_CONSUMER} point per consumer,</li>
 *   <li>{@value #PER_MEGABIT_OUT} point per Mbit/s sent (a typical video consumer: 1-2 points),</li>
 *   <li>{@value #PER_CPU_CORE} points per CPU core in use (a fully used core weighs as much as 20 consumers).</li>
 * </ul>
 * Transports and producers are left out: an idle transport costs next to nothing, and what a producer costs shows
 * as its consumers.
 */
public final class LoadScore {
    public static final double PER_CONSUMER = 1.0;
    public static final double PER_MEGABIT_OUT = 1.0;
    public static final double PER_CPU_CORE = 20.0;

    private LoadScore() {
    }

    public static double of(NodeLoad load) {
        if (load == null) return 0.0;
        return load.consumers() * PER_CONSUMER
                + load.bitrateOut() / 1_000_000.0 * PER_MEGABIT_OUT
                + Math.max(0.0, load.cpu()) * PER_CPU_CORE;
    }
}
