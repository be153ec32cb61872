package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/** One reception report block of an SR or RR (RFC 3550 section 6.4.1), 24 bytes. */
public record ReportBlock(long ssrc, int fractionLost, long cumulativeLost, long extendedHighestSeq,
                          long jitter, long lastSr, long delaySinceLastSr) {
    public static final int LENGTH = 24;

    static ReportBlock read(PacketBuffer p, int o) {
        int lost = (p.getUnsignedByte(o + 5) << 16) | p.getUnsignedShort(o + 6);
        if ((lost & 0x800000) != 0) {
            lost |= 0xFF000000;     // 24-bit two's complement
        }
        return new ReportBlock(p.getUnsignedInt(o), p.getUnsignedByte(o + 4), lost, p.getUnsignedInt(o + 8),
                p.getUnsignedInt(o + 12), p.getUnsignedInt(o + 16), p.getUnsignedInt(o + 20));
    }

    void write(PacketBuffer p, int o) {
        p.setInt(o, ssrc);
        p.setByte(o + 4, fractionLost);
        long lost = cumulativeLost & 0xFFFFFF;
        p.setByte(o + 5, (int) (lost >>> 16));
        p.setShort(o + 6, (int) lost);
        p.setInt(o + 8, extendedHighestSeq);
        p.setInt(o + 12, jitter);
        p.setInt(o + 16, lastSr);
        p.setInt(o + 20, delaySinceLastSr);
    }
}
