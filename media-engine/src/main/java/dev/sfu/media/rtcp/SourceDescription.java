package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RTCP SDES (PT 202), reduced to what WebRTC uses: one CNAME per source. */
public record SourceDescription(List<Chunk> chunks) {
    public static final int ITEM_CNAME = 1;

    /** One source's CNAME (null when the chunk carries none). */
    public record Chunk(long ssrc, String cname) {
    }

    public static SourceDescription parse(RtcpCompoundReader r) {
        if (r.packetType() != RtcpHeader.PT_SDES) {
            return null;
        }
        PacketBuffer p = r.buffer();
        int end = r.offset() + r.length();
        int o = r.offset() + RtcpHeader.LENGTH;
        List<Chunk> chunks = new ArrayList<>();
        for (int c = 0; c < r.countOrFormat(); c++) {
            if (o + 4 > end) {
                return null;
            }
            long ssrc = p.getUnsignedInt(o);
            o += 4;
            String cname = null;
            while (true) {
                if (o >= end) {
                    return null;
                }
                int type = p.getUnsignedByte(o);
                if (type == 0) {
                    o = (o + 4) & ~3;       // the null item ends the chunk; pad to the next word
                    break;
                }
                if (o + 2 > end || o + 2 + p.getUnsignedByte(o + 1) > end) {
                    return null;
                }
                int len = p.getUnsignedByte(o + 1);
                if (type == ITEM_CNAME) {
                    cname = new String(p.getBuffer(), p.getOffset() + o + 2, len, StandardCharsets.UTF_8);
                }
                o += 2 + len;
            }
            chunks.add(new Chunk(ssrc, cname));
        }
        return new SourceDescription(chunks);
    }

    public int size() {
        int size = RtcpHeader.LENGTH;
        for (Chunk c : chunks) {
            size += chunkSize(c);
        }
        return size;
    }

    public int writeTo(PacketBuffer out, int offset) {
        int size = size();
        RtcpHeader.ensureLength(out, offset + size);
        RtcpHeader.write(out, offset, chunks.size(), RtcpHeader.PT_SDES, size);
        int o = offset + RtcpHeader.LENGTH;
        for (Chunk c : chunks) {
            int chunkEnd = o + chunkSize(c);
            out.setInt(o, c.ssrc());
            byte[] text = cnameBytes(c);
            out.setByte(o + 4, ITEM_CNAME);
            out.setByte(o + 5, text.length);
            System.arraycopy(text, 0, out.getBuffer(), out.getOffset() + o + 6, text.length);
            for (int i = o + 6 + text.length; i < chunkEnd; i++) {
                out.setByte(i, 0);
            }
            o = chunkEnd;
        }
        return offset + size;
    }

    private static byte[] cnameBytes(Chunk c) {
        byte[] text = (c.cname() == null ? "" : c.cname()).getBytes(StandardCharsets.UTF_8);
        return text.length > 255 ? java.util.Arrays.copyOf(text, 255) : text;
    }

    private static int chunkSize(Chunk c) {
        int raw = 4 + 2 + cnameBytes(c).length + 1;   // ssrc, item header, text, null terminator
        return (raw + 3) & ~3;
    }
}
