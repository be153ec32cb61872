package dev.sfu.bench.load;

import java.util.SplittableRandom;

/**
 * Incompressible bytes to fill payloads with, generated once and copied from at varying offsets, so that every
 * packet differs (the checksum means something) without generating randomness per packet.
 */
final class PayloadFill {
    private static final int SIZE = 1 << 16;
    private static final byte[] BYTES = new byte[SIZE + 2048];

    static {
        new SplittableRandom(0x5F0).nextBytes(BYTES);
    }

    private PayloadFill() {
    }

    /** Copies {@code length} (≤ 2048) fill bytes into {@code target}, starting at a position chosen by {@code seed}. */
    static void copy(int seed, byte[] target, int offset, int length) {
        System.arraycopy(BYTES, Math.floorMod(seed * 40_503, SIZE), target, offset, length);
    }
}
