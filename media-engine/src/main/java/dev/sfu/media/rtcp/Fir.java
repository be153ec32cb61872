package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Full Intra Request (RFC 5104 section 4.3.1): PSFB, FMT 4, media SSRC 0, one FCI entry per target
 * (SSRC, command sequence number). We read and write the first entry.
 */
public record Fir(long senderSsrc, long targetSsrc, int sequenceNumber) {
    public static final int LENGTH = 20;

    public static Fir parse(RtcpCompoundReader r) {
        if (r.packetType() != RtcpHeader.PT_PSFB || r.countOrFormat() != RtcpHeader.FMT_FIR || r.length() < LENGTH) {
            return null;
        }
        PacketBuffer p = r.buffer();
        int o = r.offset();
        return new Fir(p.getUnsignedInt(o + 4), p.getUnsignedInt(o + 12), p.getUnsignedByte(o + 16));
    }

    public int writeTo(PacketBuffer out, int offset) {
        RtcpHeader.ensureLength(out, offset + LENGTH);
        RtcpHeader.write(out, offset, RtcpHeader.FMT_FIR, RtcpHeader.PT_PSFB, LENGTH);
        out.setInt(offset + 4, senderSsrc);
        out.setInt(offset + 8, 0);
        out.setInt(offset + 12, targetSsrc);
        out.setByte(offset + 16, sequenceNumber);
        out.setByte(offset + 17, 0);
        out.setShort(offset + 18, 0);
        return offset + LENGTH;
    }
}
