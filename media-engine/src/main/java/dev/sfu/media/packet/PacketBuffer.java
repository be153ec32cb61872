package dev.sfu.media.packet;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A mutable window over a byte array that holds one datagram's payload (STUN, DTLS, RTP or RTCP).
 *
 * <p>It is the unit the media path passes around: SRTP transforms it in place (it implements jitsi's
 * {@link ByteArrayBuffer}), RTP rewriting edits its header in place, and the socket writes it out.
 * Buffers are reused on the hot path, so a holder must not keep one after handing it on.
 */
public final class PacketBuffer implements ByteArrayBuffer {
    /** Room for the largest datagram we accept plus SRTP auth tag / RTX header growth. */
    public static final int DEFAULT_CAPACITY = 1500 + 64;

    private byte[] buffer;
    private int offset;
    private int length;

    public PacketBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public PacketBuffer(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** Wraps the given bytes without copying. */
    public static PacketBuffer wrap(byte[] bytes, int offset, int length) {
        PacketBuffer p = new PacketBuffer(0);
        p.buffer = bytes;
        p.offset = offset;
        p.length = length;
        return p;
    }

    /** Copies {@code len} bytes from {@code src} into this buffer at offset 0, growing it if needed. */
    public PacketBuffer copyFrom(byte[] src, int srcOffset, int len) {
        if (buffer.length < len) {
            buffer = new byte[Math.max(len, DEFAULT_CAPACITY)];
        }
        System.arraycopy(src, srcOffset, buffer, 0, len);
        offset = 0;
        length = len;
        return this;
    }

    /** Copies another buffer's contents into this one. */
    public PacketBuffer copyFrom(PacketBuffer other) {
        return copyFrom(other.buffer, other.offset, other.length);
    }

    /** A copy of the current contents as a fresh array (for tests and control paths, not the hot path). */
    public byte[] toByteArray() {
        byte[] out = new byte[length];
        System.arraycopy(buffer, offset, out, 0, length);
        return out;
    }

    public int capacity() {
        return buffer.length - offset;
    }

    public int getUnsignedByte(int index) {
        return buffer[offset + index] & 0xFF;
    }

    public int getUnsignedShort(int index) {
        return ((buffer[offset + index] & 0xFF) << 8) | (buffer[offset + index + 1] & 0xFF);
    }

    public long getUnsignedInt(int index) {
        return ((long) getUnsignedShort(index) << 16) | getUnsignedShort(index + 2);
    }

    public void setByte(int index, int value) {
        buffer[offset + index] = (byte) value;
    }

    public void setShort(int index, int value) {
        buffer[offset + index] = (byte) (value >>> 8);
        buffer[offset + index + 1] = (byte) value;
    }

    public void setInt(int index, long value) {
        setShort(index, (int) (value >>> 16));
        setShort(index + 2, (int) value);
    }

    @Override public byte[] getBuffer() { return buffer; }
    @Override public int getOffset() { return offset; }
    @Override public int getLength() { return length; }
    @Override public void setLength(int len) { this.length = len; }
    @Override public void setOffset(int off) { this.offset = off; }
    @Override public boolean isInvalid() { return false; }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuff) {
        System.arraycopy(buffer, offset + off, outBuff, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch <= 0) {
            return;
        }
        int needed = offset + length + howMuch;
        if (needed > buffer.length) {
            byte[] bigger = new byte[needed];
            System.arraycopy(buffer, offset, bigger, offset, length);
            buffer = bigger;
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
