package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view over an RTP packet held in a {@link PacketBuffer} (RFC 3550 section 5.1, RFC 8285).
 *
 * <p>{@link #wrap} validates the header and remembers where the extension block, payload and padding are;
 * accessors then read and write the header fields in place. One instance is reused for many packets, so the
 * hot path allocates nothing.
 */
public final class RtpPacket {
    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** Two-byte header profile: 0x100 in the upper 12 bits, "appbits" in the low 4. */
    public static final int TWO_BYTE_PROFILE_MASK = 0xFFF0;
    public static final int TWO_BYTE_PROFILE = 0x1000;
    /** An element id no element carries: walks the whole block. */
    private static final int NO_ELEMENT = -1;
    /** Flags a {@link #walkExtensions} result that reached the end of the block; the low bits hold the content end. */
    private static final long WALKED_TO_END = 1L << 62;

    private PacketBuffer buffer;
    private int headerLength;
    /** Offset of the first extension element (after the 4-byte extension header), or -1 without extension. */
    private int extensionStart = -1;
    private int extensionEnd;
    private int paddingLength;

    /** Points this view at {@code packet}; false (and the view unusable) when it is not a valid RTP packet. */
    public boolean wrap(PacketBuffer packet) {
        buffer = null;
        extensionStart = -1;
        int length = packet.getLength();
        if (length < FIXED_HEADER_LENGTH) {
            return false;
        }
        int first = packet.getUnsignedByte(0);
        if ((first >>> 6) != 2) {
            return false;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
        if (header > length) {
            return false;
        }
        int extStart = -1;
        int extEnd = 0;
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return false;
            }
            int words = packet.getUnsignedShort(header + 2);
            extStart = header + 4;
            extEnd = extStart + 4 * words;
            if (extEnd > length) {
                return false;
            }
            header = extEnd;
        }
        int padding = 0;
        if ((first & 0x20) != 0) {
            padding = packet.getUnsignedByte(length - 1);
            if (padding == 0 || header + padding > length) {
                return false;
            }
        }
        buffer = packet;
        headerLength = header;
        extensionStart = extStart;
        extensionEnd = extEnd;
        paddingLength = padding;
        return true;
    }

    public PacketBuffer buffer() { return buffer; }
    public int headerLength() { return headerLength; }
    public int payloadOffset() { return headerLength; }
    public int payloadLength() { return buffer.getLength() - headerLength - paddingLength; }
    public int paddingLength() { return paddingLength; }
    public int csrcCount() { return buffer.getUnsignedByte(0) & 0x0F; }
    public boolean hasExtension() { return extensionStart >= 0; }

    public boolean marker() { return (buffer.getUnsignedByte(1) & 0x80) != 0; }
    public int payloadType() { return buffer.getUnsignedByte(1) & 0x7F; }
    public int sequenceNumber() { return buffer.getUnsignedShort(2); }
    public long timestamp() { return buffer.getUnsignedInt(4); }
    public long ssrc() { return buffer.getUnsignedInt(8); }

    public void setMarker(boolean marker) {
        buffer.setByte(1, (buffer.getUnsignedByte(1) & 0x7F) | (marker ? 0x80 : 0));
    }
    public void setPayloadType(int pt) {
        buffer.setByte(1, (buffer.getUnsignedByte(1) & 0x80) | (pt & 0x7F));
    }
    public void setSequenceNumber(int seq) { buffer.setShort(2, seq); }
    public void setTimestamp(long ts) { buffer.setInt(4, ts); }
    public void setSsrc(long ssrc) { buffer.setInt(8, ssrc); }

    /** Strips padding so the packet ends with its payload (used when re-encapsulating). */
    public void removePadding() {
        if (paddingLength == 0) {
            return;
        }
        buffer.setLength(buffer.getLength() - paddingLength);
        buffer.setByte(0, buffer.getUnsignedByte(0) & ~0x20);
        paddingLength = 0;
    }

    /** The extension profile (0xBEDE one-byte, 0x100x two-byte), or -1 without extension. */
    public int extensionProfile() {
        return extensionStart < 0 ? -1 : buffer.getUnsignedShort(extensionStart - 4);
    }

    /** Offset (from the packet start) of extension element {@code id}'s value, or -1 when absent. */
    public int extensionValueOffset(int id) {
        long found = findExtension(id);
        return found < 0 ? -1 : (int) (found >>> 16);
    }

    /** Length of extension element {@code id}'s value, or -1 when absent. */
    public int extensionValueLength(int id) {
        long found = findExtension(id);
        return found < 0 ? -1 : (int) (found & 0xFFFF);
    }

    /** Reads an extension value as UTF-8 text (MID, RID); null when absent. Allocates: not for the hot path. */
    public String extensionString(int id) {
        long found = findExtension(id);
        if (found < 0) {
            return null;
        }
        int off = (int) (found >>> 16);
        int len = (int) (found & 0xFFFF);
        return new String(buffer.getBuffer(), buffer.getOffset() + off, len, StandardCharsets.UTF_8);
    }

    /** Packs (valueOffset << 16 | valueLength), or -1 when the element is absent. */
    private long findExtension(int id) {
        if (id <= 0) {
            return -1;
        }
        long walked = walkExtensions(id);
        return (walked & WALKED_TO_END) != 0 ? -1 : walked;
    }

    /**
     * Offset just past the last extension element (trailing padding excluded), or -1 without a readable
     * extension block.
     */
    int extensionContentEnd() {
        long walked = walkExtensions(NO_ELEMENT);
        return walked < 0 ? -1 : (int) (walked & ~WALKED_TO_END);
    }

    /**
     * Walks the extension elements (one- or two-byte form) until the one with {@code wantedId}. Returns
     * (valueOffset << 16 | valueLength) for that element, {@code WALKED_TO_END | contentEnd} when no element has
     * that id, or -1 without a readable extension block (absent, unknown profile, or a malformed element).
     */
    private long walkExtensions(int wantedId) {
        if (extensionStart < 0) {
            return -1;
        }
        int profile = extensionProfile();
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        if (!oneByte && (profile & TWO_BYTE_PROFILE_MASK) != TWO_BYTE_PROFILE) {
            return -1;
        }
        int contentEnd = extensionStart;
        int i = extensionStart;
        while (i < extensionEnd) {
            int b = buffer.getUnsignedByte(i);
            if (b == 0) {
                i++;
                continue;
            }
            int elementId;
            int valueLength;
            int valueOffset;
            if (oneByte) {
                elementId = b >>> 4;
                if (elementId == 15) {
                    return -1;
                }
                valueLength = (b & 0x0F) + 1;
                valueOffset = i + 1;
            } else {
                if (i + 1 >= extensionEnd) {
                    return -1;
                }
                elementId = b;
                valueLength = buffer.getUnsignedByte(i + 1);
                valueOffset = i + 2;
            }
            if (valueOffset + valueLength > extensionEnd) {
                return -1;
            }
            if (elementId == wantedId) {
                return ((long) valueOffset << 16) | valueLength;
            }
            i = valueOffset + valueLength;
            contentEnd = i;
        }
        return WALKED_TO_END | contentEnd;
    }

    int extensionStart() { return extensionStart; }
    int extensionEnd() { return extensionEnd; }
}
