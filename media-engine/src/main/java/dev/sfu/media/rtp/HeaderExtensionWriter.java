package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Sets the value of one RFC 8285 header extension element, e.g. stamping a consumer's own MID. When the element
 * exists with the same length it is overwritten in place; otherwise the old element is blanked into padding and
 * the new one is written after the last element, growing the extension block (and moving the payload) only
 * when its trailing padding is too short. A packet without an extension block gets a one-byte block.
 * Allocates nothing unless the buffer itself must grow.
 */
public final class HeaderExtensionWriter {
    private HeaderExtensionWriter() {
    }

    /**
     * Sets element {@code id} to {@code value}. Returns false (packet unchanged) when the value cannot be
     * expressed in the packet's extension form (one-byte: id 1..14, 1..16 bytes; two-byte: up to 255 bytes)
     * or the block is unreadable. The view is re-wrapped on success.
     */
    public static boolean set(RtpPacket packet, int id, byte[] value) {
        int length = value.length;
        PacketBuffer p = packet.buffer();
        if (!packet.hasExtension()) {
            if (id < 1 || id > 14 || length < 1 || length > 16) {
                return false;
            }
            insertOneByteBlock(packet, id, value);
            return packet.wrap(p);
        }
        int profile = packet.extensionProfile();
        boolean oneByte = profile == RtpPacket.ONE_BYTE_PROFILE;
        boolean twoByte = (profile & RtpPacket.TWO_BYTE_PROFILE_MASK) == RtpPacket.TWO_BYTE_PROFILE;
        if ((!oneByte && !twoByte) || id < 1 || (oneByte && (id > 14 || length < 1 || length > 16))
                || (twoByte && (id > 255 || length > 255))) {
            return false;
        }
        int existing = packet.extensionValueOffset(id);
        int existingLength = packet.extensionValueLength(id);
        if (existing >= 0 && existingLength == length) {
            writeBytes(p, existing, value);
            return true;
        }
        if (existing >= 0) {
            int elementStart = existing - (oneByte ? 1 : 2);
            for (int i = elementStart; i < existing + existingLength; i++) {
                p.setByte(i, 0);
            }
        }
        int contentEnd = packet.extensionContentEnd();
        if (contentEnd < 0) {
            return false;
        }
        int needed = (oneByte ? 1 : 2) + length;
        int available = packet.extensionEnd() - contentEnd;
        if (needed > available) {
            int extra = (needed - available + 3) & ~3;
            openGap(p, packet.extensionEnd(), extra);
            int words = p.getUnsignedShort(packet.extensionStart() - 2) + extra / 4;
            p.setShort(packet.extensionStart() - 2, words);
        }
        if (oneByte) {
            p.setByte(contentEnd, (id << 4) | (length - 1));
            writeBytes(p, contentEnd + 1, value);
        } else {
            p.setByte(contentEnd, id);
            p.setByte(contentEnd + 1, length);
            writeBytes(p, contentEnd + 2, value);
        }
        return packet.wrap(p);
    }

    private static void insertOneByteBlock(RtpPacket packet, int id, byte[] value) {
        PacketBuffer p = packet.buffer();
        int at = packet.headerLength();                 // fixed header + CSRCs: the block goes right after
        int block = 4 + ((1 + value.length + 3) & ~3);
        openGap(p, at, block);
        p.setShort(at, RtpPacket.ONE_BYTE_PROFILE);
        p.setShort(at + 2, (block - 4) / 4);
        p.setByte(at + 4, (id << 4) | (value.length - 1));
        writeBytes(p, at + 5, value);
        p.setByte(0, p.getUnsignedByte(0) | 0x10);
    }

    /** Moves everything from {@code at} to the end forward by {@code gap} bytes and zeroes the gap. */
    private static void openGap(PacketBuffer p, int at, int gap) {
        int oldLength = p.getLength();
        p.grow(gap);
        byte[] bytes = p.getBuffer();
        int base = p.getOffset();
        System.arraycopy(bytes, base + at, bytes, base + at + gap, oldLength - at);
        for (int i = 0; i < gap; i++) {
            bytes[base + at + i] = 0;
        }
        p.setLength(oldLength + gap);
    }

    private static void writeBytes(PacketBuffer p, int at, byte[] value) {
        System.arraycopy(value, 0, p.getBuffer(), p.getOffset() + at, value.length);
    }
}
