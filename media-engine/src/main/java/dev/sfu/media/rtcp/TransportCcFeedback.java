package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01):
 * RTPFB, FMT 15. Only the fixed fields are read (enough to route and count); the packet chunks and deltas
 * are not decoded.
 */
public record TransportCcFeedback(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int packetStatusCount,
                                  long referenceTime, int feedbackPacketCount) {
    private static final int FIXED = 20;

    public static TransportCcFeedback parse(RtcpCompoundReader r) {
        if (r.packetType() != RtcpHeader.PT_RTPFB || r.countOrFormat() != RtcpHeader.FMT_TRANSPORT_CC
                || r.length() < FIXED) {
            return null;
        }
        PacketBuffer p = r.buffer();
        int o = r.offset();
        long reference = ((long) p.getUnsignedShort(o + 16) << 8) | p.getUnsignedByte(o + 18);
        return new TransportCcFeedback(p.getUnsignedInt(o + 4), p.getUnsignedInt(o + 8), p.getUnsignedShort(o + 12),
                p.getUnsignedShort(o + 14), reference, p.getUnsignedByte(o + 19));
    }
}
