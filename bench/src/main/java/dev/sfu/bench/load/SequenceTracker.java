package dev.sfu.bench.load;

/**
 * Loss of one received RTP stream from its sequence numbers: packets expected are those between the first and the
 * highest extended sequence number seen (RFC 3550 appendix A.3), so packets still in flight at the end and packets
 * skipped before the stream started (a consumer waits for a key frame) do not count as lost.
 */
final class SequenceTracker {
    private long first = -1;
    private long highest = -1;
    private long received;

    void onPacket(int sequenceNumber) {
        received++;
        if (first < 0) {
            first = sequenceNumber;
            highest = sequenceNumber;
            return;
        }
        int delta = (short) (sequenceNumber - (int) (highest & 0xFFFF)); // serial-number distance, -32768..32767
        long extended = highest + delta;
        if (extended > highest) {
            highest = extended;
        }
    }

    long received() {
        return received;
    }

    long expected() {
        return first < 0 ? 0 : highest - first + 1;
    }
}
