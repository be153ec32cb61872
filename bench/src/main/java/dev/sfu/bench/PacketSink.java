package dev.sfu.bench;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Where the benchmarks' "socket" writes go: counted, then forgotten. Counting the bytes keeps the protected
 * packet observable, so the JIT cannot drop the work that produced it. Not final so tests can capture packets.
 */
class PacketSink {
    private long packets;
    private long bytes;
    private long failures;

    void accept(PacketBuffer packet) {
        packets++;
        bytes += packet.getLength();
    }

    /** A packet that could not be protected: a benchmark that sees one is measuring a drop path, not the work. */
    void fail() {
        failures++;
    }

    long packets() { return packets; }
    long bytes() { return bytes; }
    long failures() { return failures; }
}
