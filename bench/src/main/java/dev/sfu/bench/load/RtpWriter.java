package dev.sfu.bench.load;

/** Writes the 12-byte RTP fixed header (RFC 3550 section 5.1): version 2, no padding, extension or CSRCs. */
final class RtpWriter {
    private RtpWriter() {
    }

    static void header(byte[] packet, boolean marker, int payloadType, int sequence, long timestamp, long ssrc) {
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        packet[2] = (byte) (sequence >>> 8);
        packet[3] = (byte) sequence;
        ProbeTrailer.writeInt(packet, 4, (int) timestamp);
        ProbeTrailer.writeInt(packet, 8, (int) ssrc);
    }
}
