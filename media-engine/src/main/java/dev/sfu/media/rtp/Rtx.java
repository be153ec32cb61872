package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * RTX retransmission format (RFC 4588 section 4): the original header with the RTX stream's SSRC, payload type
 * and sequence number, then the original sequence number (OSN) in the first two payload bytes, then the
 * original payload.
 */
public final class Rtx {
    private Rtx() {
    }

    /**
     * Writes into {@code out} the RTX packet carrying {@code original}; the original's padding is dropped.
     * {@code out} must not be the original's buffer.
     */
    public static void encapsulate(RtpPacket original, PacketBuffer out, long rtxSsrc, int rtxPayloadType, int rtxSeq) {
        PacketBuffer in = original.buffer();
        int header = original.headerLength();
        int payload = original.payloadLength();
        out.copyFrom(in.getBuffer(), in.getOffset(), header);
        out.grow(2 + payload);
        byte[] dst = out.getBuffer();
        int base = out.getOffset();
        dst[base + header] = (byte) (original.sequenceNumber() >>> 8);
        dst[base + header + 1] = (byte) original.sequenceNumber();
        System.arraycopy(in.getBuffer(), in.getOffset() + header, dst, base + header + 2, payload);
        out.setLength(header + 2 + payload);
        out.setByte(0, out.getUnsignedByte(0) & ~0x20);
        out.setByte(1, (out.getUnsignedByte(1) & 0x80) | (rtxPayloadType & 0x7F));
        out.setShort(2, rtxSeq);
        out.setInt(8, rtxSsrc);
    }

    /**
     * Turns an RTX packet back into the original packet in place (SSRC, payload type, OSN as sequence number).
     * Returns false, leaving the packet unusable, when it carries no original (an empty or padding-only probe).
     * The view must be re-wrapped afterwards.
     */
    public static boolean decapsulate(RtpPacket rtx, long originalSsrc, int originalPayloadType) {
        int payload = rtx.payloadLength();
        if (payload <= 2) {
            return false;
        }
        PacketBuffer p = rtx.buffer();
        int header = rtx.headerLength();
        int osn = p.getUnsignedShort(header);
        byte[] bytes = p.getBuffer();
        int base = p.getOffset();
        System.arraycopy(bytes, base + header + 2, bytes, base + header, payload - 2);
        p.setLength(header + payload - 2);
        p.setByte(0, p.getUnsignedByte(0) & ~0x20);
        p.setByte(1, (p.getUnsignedByte(1) & 0x80) | (originalPayloadType & 0x7F));
        p.setShort(2, osn);
        p.setInt(8, originalSsrc);
        return true;
    }
}
