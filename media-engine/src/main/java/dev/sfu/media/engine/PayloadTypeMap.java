package dev.sfu.media.engine;

import java.util.Arrays;

/** Payload type to payload type (0..127) in a primitive array; -1 means "not negotiated, drop". */
final class PayloadTypeMap {
    private final int[] mapping = new int[128];

    PayloadTypeMap() {
        Arrays.fill(mapping, -1);
    }

    PayloadTypeMap put(int from, int to) {
        mapping[from & 0x7F] = to & 0x7F;
        return this;
    }

    int map(int pt) {
        return mapping[pt & 0x7F];
    }
}
