package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Walks the packets of a compound RTCP datagram. Each {@link #next()} validates one header (version 2, the
 * length fits); on anything malformed iteration stops and {@link #malformed()} is true. Never throws;
 * reusable.
 */
public final class RtcpCompoundReader {
    private PacketBuffer buffer;
    private int nextOffset;
    private int offset;
    private int length;
    private boolean malformed;

    public RtcpCompoundReader reset(PacketBuffer packet) {
        buffer = packet;
        nextOffset = 0;
        offset = 0;
        length = 0;
        malformed = false;
        return this;
    }

    /** Advances to the next packet; false at the end or on a malformed packet. */
    public boolean next() {
        if (buffer == null || malformed) {
            return false;
        }
        int total = buffer.getLength();
        if (nextOffset >= total) {
            return false;
        }
        if (nextOffset + RtcpHeader.LENGTH > total) {
            malformed = true;
            return false;
        }
        int first = buffer.getUnsignedByte(nextOffset);
        int words = buffer.getUnsignedShort(nextOffset + 2);
        int len = (words + 1) * 4;
        if ((first >>> 6) != 2 || nextOffset + len > total) {
            malformed = true;
            return false;
        }
        offset = nextOffset;
        length = len;
        if ((first & 0x20) != 0) {
            int padding = buffer.getUnsignedByte(offset + len - 1);
            if (padding == 0 || padding > len - RtcpHeader.LENGTH) {
                malformed = true;
                return false;
            }
            length = len - padding;
        }
        nextOffset += len;
        return true;
    }

    public boolean malformed() { return malformed; }
    public PacketBuffer buffer() { return buffer; }
    /** Offset of the current packet within the buffer. */
    public int offset() { return offset; }
    /** Length of the current packet (header included, padding excluded). */
    public int length() { return length; }
    public int packetType() { return buffer.getUnsignedByte(offset + 1); }
    /** Report count, source count or feedback message type, depending on the packet type. */
    public int countOrFormat() { return buffer.getUnsignedByte(offset) & 0x1F; }

    /** True when the whole datagram is a well-formed sequence of RTCP packets (RFC 3550 A.2, relaxed for RFC 5506). */
    public static boolean isValidCompound(PacketBuffer packet) {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(packet);
        int n = 0;
        while (r.next()) {
            n++;
        }
        return n > 0 && !r.malformed();
    }
}
