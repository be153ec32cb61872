package dev.sfu.media.srtp;

import java.util.Arrays;

/**
 * A small open-addressing map from an SSRC (an unboxed int) to its crypto context, so the per-packet lookup does not
 * box the key. Not thread-safe: the media thread owns it. Bounded, because SSRCs come from the network.
 */
final class SsrcContextMap<V> {
    private int[] keys = new int[16];
    private Object[] values = new Object[16];
    private int size;
    private final int maxSize;

    SsrcContextMap(int maxSize) {
        this.maxSize = maxSize;
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        int mask = keys.length - 1;
        for (int i = mix(ssrc) & mask; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == ssrc) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Adds a context for a new SSRC; returns false (and adds nothing) when the map is full. */
    boolean put(int ssrc, V value) {
        if (size >= maxSize) {
            return false;
        }
        if ((size + 1) * 2 > keys.length) {
            resize();
        }
        insert(keys, values, ssrc, value);
        size++;
        return true;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    private void resize() {
        int[] newKeys = new int[keys.length * 2];
        Object[] newValues = new Object[values.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                insert(newKeys, newValues, keys[i], values[i]);
            }
        }
        keys = newKeys;
        values = newValues;
    }

    private static void insert(int[] keys, Object[] values, int ssrc, Object value) {
        int mask = keys.length - 1;
        int i = mix(ssrc) & mask;
        while (values[i] != null && keys[i] != ssrc) {
            i = (i + 1) & mask;
        }
        keys[i] = ssrc;
        values[i] = value;
    }

    private static int mix(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
