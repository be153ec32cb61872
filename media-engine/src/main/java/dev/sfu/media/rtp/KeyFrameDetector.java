package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;

import java.util.Locale;

/**
 * Tells whether an RTP payload starts a key frame, from the codec's payload descriptor:
 * VP8 (RFC 7741), VP9 (draft-ietf-payload-vp9), H264 (RFC 6184: IDR or SPS at the start of a NAL unit).
 * Unknown codecs answer false, so a layer switch waits rather than starting on a delta frame.
 */
public enum KeyFrameDetector {
    VP8, VP9, H264, NONE;

    public static KeyFrameDetector forMimeType(String mimeType) {
        String m = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        switch (m) {
            case "video/vp8": return VP8;
            case "video/vp9": return VP9;
            case "video/h264": return H264;
            default: return NONE;
        }
    }

    public boolean isKeyFrame(RtpPacket packet) {
        int len = packet.payloadLength();
        if (len <= 0) {
            return false;
        }
        PacketBuffer b = packet.buffer();
        int off = packet.payloadOffset();
        switch (this) {
            case VP8: return vp8(b, off, len);
            case VP9: return vp9(b, off, len);
            case H264: return h264(b, off, len);
            default: return false;
        }
    }

    private static boolean vp8(PacketBuffer b, int off, int len) {
        int first = b.getUnsignedByte(off);
        boolean startOfPartition = (first & 0x10) != 0;
        int partitionId = first & 0x07;
        if (!startOfPartition || partitionId != 0) {
            return false;
        }
        int i = off + 1;
        int end = off + len;
        if ((first & 0x80) != 0) {          // X: extended control bits
            if (i >= end) return false;
            int ext = b.getUnsignedByte(i++);
            if ((ext & 0x80) != 0) {        // I: PictureID, 7 or 15 bits
                if (i >= end) return false;
                i += (b.getUnsignedByte(i) & 0x80) != 0 ? 2 : 1;
            }
            if ((ext & 0x40) != 0) i++;     // L: TL0PICIDX
            if ((ext & 0x30) != 0) i++;     // T or K: TID/KEYIDX byte
        }
        if (i >= end) return false;
        return (b.getUnsignedByte(i) & 0x01) == 0;   // VP8 frame header P bit: 0 = key frame
    }

    private static boolean vp9(PacketBuffer b, int off, int len) {
        int first = b.getUnsignedByte(off);
        boolean interPredicted = (first & 0x40) != 0;   // P
        boolean startOfFrame = (first & 0x08) != 0;     // B
        if (interPredicted || !startOfFrame) {
            return false;
        }
        boolean layerIndices = (first & 0x20) != 0;     // L
        int i = off + 1;
        int end = off + len;
        if ((first & 0x80) != 0) {                      // I: picture id
            if (i >= end) return false;
            i += (b.getUnsignedByte(i) & 0x80) != 0 ? 2 : 1;
        }
        if (layerIndices) {
            if (i >= end) return false;
            int spatialId = (b.getUnsignedByte(i) >>> 1) & 0x07;
            return spatialId == 0;                      // a key frame starts at the base spatial layer
        }
        return true;
    }

    private static boolean h264(PacketBuffer b, int off, int len) {
        int nalType = b.getUnsignedByte(off) & 0x1F;
        switch (nalType) {
            case 5: case 7: return true;                // IDR slice, SPS
            case 24: {                                  // STAP-A: look at each aggregated NAL unit
                int i = off + 1;
                int end = off + len;
                while (i + 2 < end) {
                    int size = b.getUnsignedShort(i);
                    int t = b.getUnsignedByte(i + 2) & 0x1F;
                    if (t == 5 || t == 7) return true;
                    i += 2 + size;
                }
                return false;
            }
            case 28: {                                  // FU-A: start fragment of an IDR
                if (len < 2) return false;
                int fuHeader = b.getUnsignedByte(off + 1);
                return (fuHeader & 0x80) != 0 && (fuHeader & 0x1F) == 5;
            }
            default: return false;
        }
    }
}
