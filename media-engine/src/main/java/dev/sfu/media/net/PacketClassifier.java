package dev.sfu.media.net;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Tells the protocols sharing one UDP port apart by the first byte of the datagram, as RFC 7983 section 7 lays out:
 *
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--&gt; forward to STUN
 *                  |                |
 *                  |      [16..19] -+--&gt; forward to ZRTP   (not used: dropped)
 *                  |                |
 *      packet --&gt;  |      [20..63] -+--&gt; forward to DTLS
 *                  |                |
 *                  |      [64..79] -+--&gt; forward to TURN Channel (not used: dropped)
 *                  |                |
 *                  |    [128..191] -+--&gt; forward to RTP/RTCP
 *                  +----------------+
 * </pre>
 */
public final class PacketClassifier {
    private PacketClassifier() {
    }

    public static boolean isStun(int firstByte) {
        return firstByte >= 0 && firstByte <= 3;
    }

    public static boolean isDtls(int firstByte) {
        return firstByte >= 20 && firstByte <= 63;
    }

    public static boolean isRtpOrRtcp(int firstByte) {
        return firstByte >= 128 && firstByte <= 191;
    }

    /**
     * RTCP packet types 192..223 sit where an RTP header has its marker bit and payload type (RFC 5761 section 4),
     * so a second byte in that range means RTCP. Call only on a datagram {@link #isRtpOrRtcp} accepted.
     */
    public static boolean isRtcp(int secondByte) {
        return secondByte >= 192 && secondByte <= 223;
    }

    public static PacketKind classify(PacketBuffer packet) {
        if (packet.getLength() == 0) {
            return PacketKind.UNKNOWN;
        }
        int first = packet.getUnsignedByte(0);
        if (isStun(first)) {
            return PacketKind.STUN;
        }
        if (isDtls(first)) {
            return PacketKind.DTLS;
        }
        if (isRtpOrRtcp(first)) {
            return PacketKind.RTP_RTCP;
        }
        return PacketKind.UNKNOWN;
    }
}
