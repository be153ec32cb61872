package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

import java.util.ArrayList;
import java.util.List;

/** RTCP BYE (PT 203); the optional reason is ignored. */
public record Bye(List<Long> ssrcs) {
    public static Bye parse(RtcpCompoundReader r) {
        int count = r.countOrFormat();
        if (r.packetType() != RtcpHeader.PT_BYE || r.length() < RtcpHeader.LENGTH + 4 * count) {
            return null;
        }
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(r.buffer().getUnsignedInt(r.offset() + 4 + 4 * i));
        }
        return new Bye(ssrcs);
    }

    public int size() {
        return RtcpHeader.LENGTH + 4 * ssrcs.size();
    }

    public int writeTo(PacketBuffer out, int offset) {
        int size = size();
        RtcpHeader.ensureLength(out, offset + size);
        RtcpHeader.write(out, offset, ssrcs.size(), RtcpHeader.PT_BYE, size);
        for (int i = 0; i < ssrcs.size(); i++) {
            out.setInt(offset + 4 + 4 * i, ssrcs.get(i));
        }
        return offset + size;
    }
}
