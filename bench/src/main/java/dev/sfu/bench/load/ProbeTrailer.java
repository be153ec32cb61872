package dev.sfu.bench.load;

import java.util.zip.CRC32;

/**
 * The last 16 bytes of every payload the load tool sends: the send time ({@link System#nanoTime}, meaningful because
 * publishers and subscribers share one JVM), a CRC-32 of the payload up to and including that time, and a magic
 * word. The codec's own payload header stays at the front, where the SFU reads it (VP8 key frames).
 */
final class ProbeTrailer {
    static final int LENGTH = 16;
    static final int MAGIC = 0x4C4F4144; // "LOAD"

    private final CRC32 crc = new CRC32();

    /** Writes the trailer into the last 16 bytes of {@code payloadLength} bytes at {@code payloadOffset}. */
    void write(byte[] packet, int payloadOffset, int payloadLength, long sendNanos) {
        int at = payloadOffset + payloadLength - LENGTH;
        writeLong(packet, at, sendNanos);
        crc.reset();
        crc.update(packet, payloadOffset, payloadLength - 8);
        writeInt(packet, at + 8, (int) crc.getValue());
        writeInt(packet, at + 12, MAGIC);
    }

    /** Whether the payload ends with a trailer (magic word present). */
    static boolean present(byte[] packet, int payloadOffset, int payloadLength) {
        return payloadLength >= LENGTH
                && (int) RtpView.readUnsignedInt(packet, payloadOffset + payloadLength - 4) == MAGIC;
    }

    static long sendNanos(byte[] packet, int payloadOffset, int payloadLength) {
        int at = payloadOffset + payloadLength - LENGTH;
        return (RtpView.readUnsignedInt(packet, at) << 32) | RtpView.readUnsignedInt(packet, at + 4);
    }

    /** Recomputes the checksum: true when the payload arrived exactly as it was sent. */
    boolean checksumMatches(byte[] packet, int payloadOffset, int payloadLength) {
        crc.reset();
        crc.update(packet, payloadOffset, payloadLength - 8);
        int expected = (int) RtpView.readUnsignedInt(packet, payloadOffset + payloadLength - 8);
        return (int) crc.getValue() == expected;
    }

    private static void writeLong(byte[] b, int at, long v) {
        writeInt(b, at, (int) (v >>> 32));
        writeInt(b, at + 4, (int) v);
    }

    static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
