package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtp.SeqNum;

/**
 * Generic NACK (RFC 4585 section 6.2.1): RTPFB, FMT 1; each FCI entry is a packet id (PID) and a bitmask of
 * the 16 following lost packets (BLP). Works on primitive arrays so the NACK paths allocate nothing.
 */
public final class GenericNack {
    private static final int FIXED = 12;

    private GenericNack() {
    }

    public static boolean is(RtcpCompoundReader r) {
        return r.packetType() == RtcpHeader.PT_RTPFB && r.countOrFormat() == RtcpHeader.FMT_NACK && r.length() >= FIXED;
    }

    public static long senderSsrc(RtcpCompoundReader r) { return r.buffer().getUnsignedInt(r.offset() + 4); }
    public static long mediaSsrc(RtcpCompoundReader r) { return r.buffer().getUnsignedInt(r.offset() + 8); }

    /** Expands the NACK's entries into lost sequence numbers in {@code out}; returns how many fit. */
    public static int lostSequenceNumbers(RtcpCompoundReader r, int[] out) {
        if (!is(r)) {
            return 0;
        }
        PacketBuffer p = r.buffer();
        int end = r.offset() + r.length();
        int n = 0;
        for (int o = r.offset() + FIXED; o + 4 <= end; o += 4) {
            int pid = p.getUnsignedShort(o);
            int blp = p.getUnsignedShort(o + 2);
            if (n < out.length) out[n++] = pid;
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0 && n < out.length) {
                    out[n++] = SeqNum.add(pid, bit + 1);
                }
            }
        }
        return n;
    }

    /**
     * Writes a NACK for {@code count} sequence numbers of {@code seqs} (any order; each one within 16 after
     * the previous entry's PID shares its FCI). Returns the offset after it.
     */
    public static int write(PacketBuffer out, int offset, long senderSsrc, long mediaSsrc, int[] seqs, int count) {
        int o = offset + FIXED;
        int i = 0;
        RtcpHeader.ensureLength(out, o);
        while (i < count) {
            int pid = seqs[i++];
            int blp = 0;
            while (i < count) {
                int distance = SeqNum.forwardDistance(pid, seqs[i]);
                if (distance < 1 || distance > 16) {
                    break;
                }
                blp |= 1 << (distance - 1);
                i++;
            }
            RtcpHeader.ensureLength(out, o + 4);
            out.setShort(o, pid);
            out.setShort(o + 2, blp);
            o += 4;
        }
        RtcpHeader.write(out, offset, RtcpHeader.FMT_NACK, RtcpHeader.PT_RTPFB, o - offset);
        out.setInt(offset + 4, senderSsrc);
        out.setInt(offset + 8, mediaSsrc);
        return o;
    }
}
