package dev.sfu.media.ortc;

import java.util.BitSet;

/**
 * Hands out dynamic RTP payload types, 100..127 first and then 96..99, skipping those already taken, so the
 * same codec list always yields the same numbers.
 */
final class PayloadTypeAllocator {
    private final BitSet taken = new BitSet(128);

    /** Marks an explicitly chosen payload type as used; false when it already was. */
    boolean reserve(int payloadType) {
        if (taken.get(payloadType)) return false;
        taken.set(payloadType);
        return true;
    }

    int next() {
        for (int pt = 100; pt <= 127; pt++) {
            if (reserve(pt)) return pt;
        }
        for (int pt = 96; pt <= 99; pt++) {
            if (reserve(pt)) return pt;
        }
        throw new OrtcException("too many codecs: no dynamic payload type left (96-127 all taken)");
    }
}
