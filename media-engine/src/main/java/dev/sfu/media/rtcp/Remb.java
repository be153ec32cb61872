package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb): PSFB, FMT 15, "REMB", SSRC count,
 * 6-bit exponent and 18-bit mantissa, then the SSRCs it applies to.
 */
public record Remb(long senderSsrc, long bitrateBps, List<Long> ssrcs) {
    private static final int FIXED = 20;
    private static final long IDENTIFIER = 0x52454D42L; // "REMB"

    public static Remb parse(RtcpCompoundReader r) {
        if (r.packetType() != RtcpHeader.PT_PSFB || r.countOrFormat() != RtcpHeader.FMT_AFB || r.length() < FIXED) {
            return null;
        }
        PacketBuffer p = r.buffer();
        int o = r.offset();
        if (p.getUnsignedInt(o + 12) != IDENTIFIER) {
            return null;
        }
        int count = p.getUnsignedByte(o + 16);
        if (r.length() < FIXED + 4 * count) {
            return null;
        }
        int exponent = p.getUnsignedByte(o + 17) >>> 2;
        long mantissa = ((long) (p.getUnsignedByte(o + 17) & 0x03) << 16) | p.getUnsignedShort(o + 18);
        long bitrate = exponent > 46 ? Long.MAX_VALUE : mantissa << exponent;
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(p.getUnsignedInt(o + FIXED + 4 * i));
        }
        return new Remb(p.getUnsignedInt(o + 4), bitrate, ssrcs);
    }

    public int writeTo(PacketBuffer out, int offset) {
        int size = FIXED + 4 * ssrcs.size();
        RtcpHeader.ensureLength(out, offset + size);
        RtcpHeader.write(out, offset, RtcpHeader.FMT_AFB, RtcpHeader.PT_PSFB, size);
        out.setInt(offset + 4, senderSsrc);
        out.setInt(offset + 8, 0);
        out.setInt(offset + 12, IDENTIFIER);
        out.setByte(offset + 16, ssrcs.size());
        long mantissa = bitrateBps;
        int exponent = 0;
        while (mantissa > 0x3FFFF) {
            mantissa >>>= 1;
            exponent++;
        }
        out.setByte(offset + 17, (exponent << 2) | (int) (mantissa >>> 16));
        out.setShort(offset + 18, (int) mantissa);
        for (int i = 0; i < ssrcs.size(); i++) {
            out.setInt(offset + FIXED + 4 * i, ssrcs.get(i));
        }
        return offset + size;
    }
}
