package dev.sfu.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Packets handed to subscribers' sockets. As an OPERATIONS counter in average-time mode JMH reports it as time
 * per delivered packet, next to the primary figure (time per incoming packet).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Delivered {
    public long packets;

    @Setup(Level.Iteration)
    public void reset() {
        packets = 0;
    }
}
