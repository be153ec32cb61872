package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

import java.util.ArrayList;
import java.util.List;

/** RTCP Receiver Report (PT 201). At most 31 blocks per packet. */
public record ReceiverReport(long senderSsrc, List<ReportBlock> reports) {
    public static final int MAX_BLOCKS = 31;
    private static final int FIXED = 8;

    public ReceiverReport {
        if (reports.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("at most 31 report blocks per RR");
        }
    }

    public static ReceiverReport parse(RtcpCompoundReader r) {
        PacketBuffer p = r.buffer();
        int o = r.offset();
        int count = r.countOrFormat();
        if (r.packetType() != RtcpHeader.PT_RR || r.length() < FIXED + count * ReportBlock.LENGTH) {
            return null;
        }
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.read(p, o + FIXED + i * ReportBlock.LENGTH));
        }
        return new ReceiverReport(p.getUnsignedInt(o + 4), blocks);
    }

    public int size() {
        return FIXED + reports.size() * ReportBlock.LENGTH;
    }

    public int writeTo(PacketBuffer out, int offset) {
        int size = size();
        RtcpHeader.ensureLength(out, offset + size);
        RtcpHeader.write(out, offset, reports.size(), RtcpHeader.PT_RR, size);
        out.setInt(offset + 4, senderSsrc);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).write(out, offset + FIXED + i * ReportBlock.LENGTH);
        }
        return offset + size;
    }
}
