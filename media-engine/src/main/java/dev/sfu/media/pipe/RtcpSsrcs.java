package dev.sfu.media.pipe;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import dev.sfu.media.rtcp.RtcpHeader;
import dev.sfu.media.rtcp.ReportBlock;

/**
 * The SSRCs a plain (unencrypted) compound RTCP packet refers to: each packet's sender, the sources of report
 * blocks, the media source of feedback (and FIR targets), SDES chunks and BYE sources. Lets a pipe route RTCP
 * whose sender it has not seen to the transport that owns one of the streams it is about.
 */
final class RtcpSsrcs {
    private static final int SR_BLOCKS_OFFSET = 28;
    private static final int RR_BLOCKS_OFFSET = 8;

    private final RtcpCompoundReader reader = new RtcpCompoundReader();

    /** Writes up to {@code out.length} SSRCs into {@code out}; returns how many, or -1 when malformed. */
    int collect(PacketBuffer rtcp, long[] out) {
        RtcpCompoundReader r = reader.reset(rtcp);
        int n = 0;
        while (r.next() && n < out.length) {
            int o = r.offset();
            int end = o + r.length();
            if (o + 8 <= end) {
                out[n++] = rtcp.getUnsignedInt(o + 4);
            }
            switch (r.packetType()) {
                case RtcpHeader.PT_SR -> n = blocks(rtcp, o + SR_BLOCKS_OFFSET, end, r.countOrFormat(), out, n);
                case RtcpHeader.PT_RR -> n = blocks(rtcp, o + RR_BLOCKS_OFFSET, end, r.countOrFormat(), out, n);
                case RtcpHeader.PT_RTPFB, RtcpHeader.PT_PSFB -> {
                    if (o + 12 <= end && n < out.length) {
                        out[n++] = rtcp.getUnsignedInt(o + 8);
                    }
                    if (r.packetType() == RtcpHeader.PT_PSFB && r.countOrFormat() == RtcpHeader.FMT_FIR) {
                        for (int f = o + 12; f + 8 <= end && n < out.length; f += 8) {
                            out[n++] = rtcp.getUnsignedInt(f);
                        }
                    }
                }
                case RtcpHeader.PT_BYE -> {
                    for (int i = 1, at = o + 8; i < r.countOrFormat() && at + 4 <= end && n < out.length; i++, at += 4) {
                        out[n++] = rtcp.getUnsignedInt(at);
                    }
                }
                default -> { }
            }
        }
        return r.malformed() || n == 0 ? -1 : n;
    }

    private static int blocks(PacketBuffer rtcp, int from, int end, int count, long[] out, int n) {
        for (int i = 0, at = from; i < count && at + ReportBlock.LENGTH <= end && n < out.length;
             i++, at += ReportBlock.LENGTH) {
            out[n++] = rtcp.getUnsignedInt(at);
        }
        return n;
    }
}
