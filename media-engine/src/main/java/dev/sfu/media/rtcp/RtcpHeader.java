package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/** RTCP common header (RFC 3550 section 6.4.1) constants and helpers. */
public final class RtcpHeader {
    public static final int LENGTH = 4;
    public static final int PT_SR = 200;
    public static final int PT_RR = 201;
    public static final int PT_SDES = 202;
    public static final int PT_BYE = 203;
    public static final int PT_APP = 204;
    public static final int PT_RTPFB = 205;
    public static final int PT_PSFB = 206;

    public static final int FMT_NACK = 1;
    public static final int FMT_TRANSPORT_CC = 15;
    public static final int FMT_PLI = 1;
    public static final int FMT_FIR = 4;
    public static final int FMT_AFB = 15;

    private RtcpHeader() {
    }

    /** Writes a header for a packet of {@code totalLength} bytes (a multiple of 4) at {@code offset}. */
    static void write(PacketBuffer out, int offset, int countOrFormat, int packetType, int totalLength) {
        out.setByte(offset, 0x80 | (countOrFormat & 0x1F));
        out.setByte(offset + 1, packetType);
        out.setShort(offset + 2, totalLength / 4 - 1);
    }

    /** Makes sure {@code out} can hold {@code end} bytes and sets its length to at least that. */
    static void ensureLength(PacketBuffer out, int end) {
        if (end > out.getLength()) {
            out.grow(end - out.getLength());
            out.setLength(end);
        }
    }
}
