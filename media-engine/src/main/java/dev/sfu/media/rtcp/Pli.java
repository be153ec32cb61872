package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/** Picture Loss Indication (RFC 4585 section 6.3.1): PSFB, FMT 1, no FCI. */
public record Pli(long senderSsrc, long mediaSsrc) {
    public static final int LENGTH = 12;

    public static Pli parse(RtcpCompoundReader r) {
        if (r.packetType() != RtcpHeader.PT_PSFB || r.countOrFormat() != RtcpHeader.FMT_PLI || r.length() < LENGTH) {
            return null;
        }
        return new Pli(r.buffer().getUnsignedInt(r.offset() + 4), r.buffer().getUnsignedInt(r.offset() + 8));
    }

    public int writeTo(PacketBuffer out, int offset) {
        RtcpHeader.ensureLength(out, offset + LENGTH);
        RtcpHeader.write(out, offset, RtcpHeader.FMT_PLI, RtcpHeader.PT_PSFB, LENGTH);
        out.setInt(offset + 4, senderSsrc);
        out.setInt(offset + 8, mediaSsrc);
        return offset + LENGTH;
    }
}
