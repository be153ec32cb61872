package dev.sfu.bench.load;

/**
 * Finds key frame requests in a (compound) RTCP packet: PLI (RFC 4585, PT 206 FMT 1) and FIR (RFC 5104,
 * PT 206 FMT 4). Anything malformed ends the walk; nothing throws.
 */
final class RtcpKeyFrameRequests {
    private static final int PAYLOAD_SPECIFIC_FEEDBACK = 206;
    private static final int PLI = 1;
    private static final int FIR = 4;

    private RtcpKeyFrameRequests() {
    }

    static boolean contains(byte[] rtcp) {
        int at = 0;
        while (at + 4 <= rtcp.length) {
            if ((rtcp[at] & 0xC0) != 0x80) {
                return false;
            }
            int format = rtcp[at] & 0x1F;
            int type = rtcp[at + 1] & 0xFF;
            int length = 4 * ((((rtcp[at + 2] & 0xFF) << 8) | (rtcp[at + 3] & 0xFF)) + 1);
            if (type == PAYLOAD_SPECIFIC_FEEDBACK && (format == PLI || format == FIR)) {
                return true;
            }
            at += length;
        }
        return false;
    }
}
