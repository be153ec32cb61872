package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

import java.util.ArrayList;
import java.util.List;

/** RTCP Sender Report (PT 200). */
public record SenderReport(long senderSsrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
                           long octetCount, List<ReportBlock> reports) {
    private static final int FIXED = 28;

    /** Parses the SR at the reader's current position; null when truncated. */
    public static SenderReport parse(RtcpCompoundReader r) {
        PacketBuffer p = r.buffer();
        int o = r.offset();
        int count = r.countOrFormat();
        if (r.packetType() != RtcpHeader.PT_SR || r.length() < FIXED + count * ReportBlock.LENGTH) {
            return null;
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(p, o + FIXED + i * ReportBlock.LENGTH));
        }
        long ntp = (p.getUnsignedInt(o + 8) << 32) | p.getUnsignedInt(o + 12);
        return new SenderReport(p.getUnsignedInt(o + 4), ntp, p.getUnsignedInt(o + 16), p.getUnsignedInt(o + 20),
                p.getUnsignedInt(o + 24), blocks);
    }

    public int size() {
        return FIXED + reports.size() * ReportBlock.LENGTH;
    }

    /** Writes at {@code offset}, extending {@code out}'s length; returns the offset after it. */
    public int writeTo(PacketBuffer out, int offset) {
        int size = size();
        RtcpHeader.ensureLength(out, offset + size);
        RtcpHeader.write(out, offset, reports.size(), RtcpHeader.PT_SR, size);
        out.setInt(offset + 4, senderSsrc);
        out.setInt(offset + 8, ntpTimestamp >>> 32);
        out.setInt(offset + 12, ntpTimestamp & 0xFFFFFFFFL);
        out.setInt(offset + 16, rtpTimestamp);
        out.setInt(offset + 20, packetCount);
        out.setInt(offset + 24, octetCount);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).write(out, offset + FIXED + i * ReportBlock.LENGTH);
        }
        return offset + size;
    }
}
