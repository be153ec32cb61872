package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * The last N packets of one stream, kept to answer NACKs. A ring of preallocated buffers indexed by
 * sequence number: storing copies bytes, never allocates.
 */
public final class RtpPacketCache {
    private final PacketBuffer[] slots;
    private final int[] seqs;
    private final int mask;

    /** @param capacity rounded up to a power of two (it divides 2^16, so slots stay aligned across wraps) */
    public RtpPacketCache(int capacity) {
        int size = Integer.highestOneBit(Math.max(1, Math.min(capacity, 1 << 15)) * 2 - 1);
        slots = new PacketBuffer[size];
        seqs = new int[size];
        mask = size - 1;
        for (int i = 0; i < size; i++) {
            slots[i] = new PacketBuffer();
            seqs[i] = -1;
        }
    }

    public int capacity() {
        return slots.length;
    }

    public void store(RtpPacket packet) {
        int seq = packet.sequenceNumber();
        int slot = seq & mask;
        slots[slot].copyFrom(packet.buffer());
        seqs[slot] = seq;
    }

    /** The stored packet with this sequence number, or null; valid until the next {@link #store}. */
    public PacketBuffer get(int seq) {
        int slot = seq & mask;
        return seqs[slot] == (seq & 0xFFFF) ? slots[slot] : null;
    }

    public void clear() {
        java.util.Arrays.fill(seqs, -1);
    }
}
