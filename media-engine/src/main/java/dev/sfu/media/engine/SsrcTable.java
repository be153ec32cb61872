package dev.sfu.media.engine;

import java.util.Arrays;

/**
 * SSRC to value map with open addressing on primitive keys, so a lookup per packet neither boxes nor
 * allocates. Small by design (a transport carries a handful of streams).
 */
final class SsrcTable<T> {
    private static final long EMPTY = -1L;

    private long[] keys;
    private Object[] values;
    private int size;

    SsrcTable() {
        keys = new long[16];
        values = new Object[16];
        Arrays.fill(keys, EMPTY);
    }

    @SuppressWarnings("unchecked")
    T get(long ssrc) {
        int mask = keys.length - 1;
        for (int i = slot(ssrc, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == ssrc) {
                return (T) values[i];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    void put(long ssrc, T value) {
        if ((size + 1) * 2 > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int i = slot(ssrc, mask); ; i = (i + 1) & mask) {
            if (keys[i] == ssrc) {
                values[i] = value;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = ssrc;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    /** Removes every entry holding this very object (a stream may be registered under media and RTX SSRCs). */
    void removeValue(Object value) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length];
        values = new Object[oldKeys.length];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldValues[i] != value) {
                @SuppressWarnings("unchecked") T v = (T) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }

    int size() {
        return size;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                @SuppressWarnings("unchecked") T v = (T) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }

    private static int slot(long ssrc, int mask) {
        long h = ssrc * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
