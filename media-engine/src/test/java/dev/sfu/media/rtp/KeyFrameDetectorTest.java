package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFrameDetectorTest {

    private static RtpPacket rtp(String header, String payload) {
        byte[] b = PacketFixtures.hex(header + payload);
        RtpPacket p = new RtpPacket();
        assertTrue(p.wrap(PacketBuffer.wrap(b, 0, b.length)));
        return p;
    }

    private static final String HEADER = "80 60 00 01 00 00 00 02 00 00 00 03";

    @Test
    void vp8FromChromePackets() {
        RtpPacket p = new RtpPacket();
        assertTrue(p.wrap(PacketFixtures.buffer("vp8-keyframe-abs-send-time-tcc.hex")));
        assertTrue(KeyFrameDetector.VP8.isKeyFrame(p));
        assertTrue(p.wrap(PacketFixtures.buffer("vp8-delta-abs-send-time-tcc.hex")));
        assertFalse(KeyFrameDetector.VP8.isKeyFrame(p));
        assertFalse(KeyFrameDetector.VP8.isKeyFrame(rtp(HEADER, "80 80 aa 17 50")), "not the start of a partition");
        assertTrue(KeyFrameDetector.VP8.isKeyFrame(rtp(HEADER, "10 50 42 00")), "no extension byte");
        assertTrue(KeyFrameDetector.VP8.isKeyFrame(rtp(HEADER, "90 e0 17 05 50 42")), "7-bit PictureID + TL0PICIDX");
        assertFalse(KeyFrameDetector.VP8.isKeyFrame(rtp(HEADER, "90 80")), "truncated");
    }

    @Test
    void vp9UsesThePAndBBits() {
        assertTrue(KeyFrameDetector.VP9.isKeyFrame(rtp(HEADER, "88 00 00")));          // I=1, P=0, B=1
        assertFalse(KeyFrameDetector.VP9.isKeyFrame(rtp(HEADER, "c8 00 00")));         // P=1
        assertFalse(KeyFrameDetector.VP9.isKeyFrame(rtp(HEADER, "80 00 00")));         // not start of frame
        assertTrue(KeyFrameDetector.VP9.isKeyFrame(rtp(HEADER, "a8 80 01 00 00")));    // L=1, SID 0
        assertFalse(KeyFrameDetector.VP9.isKeyFrame(rtp(HEADER, "a8 80 01 02 00")));   // L=1, SID 1
    }

    @Test
    void h264LooksForIdrOrSps() {
        assertTrue(KeyFrameDetector.H264.isKeyFrame(rtp(HEADER, "67 42 e0 1f")));        // SPS
        assertTrue(KeyFrameDetector.H264.isKeyFrame(rtp(HEADER, "65 88 80")));           // IDR
        assertFalse(KeyFrameDetector.H264.isKeyFrame(rtp(HEADER, "41 9a 02")));          // non-IDR slice
        assertTrue(KeyFrameDetector.H264.isKeyFrame(rtp(HEADER, "78 00 03 67 42 e0 00 02 68 ce")));   // STAP-A with SPS
        assertTrue(KeyFrameDetector.H264.isKeyFrame(rtp(HEADER, "7c 85 88")));           // FU-A start of IDR
        assertFalse(KeyFrameDetector.H264.isKeyFrame(rtp(HEADER, "7c 05 88")));          // FU-A continuation
    }

    @Test
    void picksTheDetectorByMimeType() {
        assertEquals(KeyFrameDetector.VP8, KeyFrameDetector.forMimeType("video/VP8"));
        assertEquals(KeyFrameDetector.H264, KeyFrameDetector.forMimeType("video/h264"));
        assertEquals(KeyFrameDetector.NONE, KeyFrameDetector.forMimeType("audio/opus"));
        assertFalse(KeyFrameDetector.NONE.isKeyFrame(rtp(HEADER, "00")));
    }
}
