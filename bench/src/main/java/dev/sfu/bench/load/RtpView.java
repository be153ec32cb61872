package dev.sfu.bench.load;

/**
 * Reads what the load tool needs from a clear RTP packet (RFC 3550 section 5.1): sequence number, SSRC, marker and
 * where the payload lies, past CSRCs and a header extension and before padding. Reused for every packet.
 */
final class RtpView {
    static final int FIXED_HEADER = 12;

    private byte[] packet;
    private int payloadOffset;
    private int payloadLength;

    /** Points this view at a packet; false when it is not a well-formed RTP packet. */
    boolean wrap(byte[] rtp) {
        this.packet = rtp;
        int length = rtp.length;
        if (length < FIXED_HEADER || (rtp[0] & 0xC0) != 0x80) {
            return false;
        }
        int offset = FIXED_HEADER + 4 * (rtp[0] & 0x0F);
        if ((rtp[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return false;
            }
            int words = ((rtp[offset + 2] & 0xFF) << 8) | (rtp[offset + 3] & 0xFF);
            offset += 4 + 4 * words;
        }
        int end = length;
        if ((rtp[0] & 0x20) != 0) {
            end -= rtp[length - 1] & 0xFF;
        }
        if (offset > end) {
            return false;
        }
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }

    int sequenceNumber() {
        return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
    }

    long ssrc() {
        return readUnsignedInt(packet, 8);
    }

    boolean marker() {
        return (packet[1] & 0x80) != 0;
    }

    int payloadType() {
        return packet[1] & 0x7F;
    }

    byte[] packet() {
        return packet;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    int payloadLength() {
        return payloadLength;
    }

    static long readUnsignedInt(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
