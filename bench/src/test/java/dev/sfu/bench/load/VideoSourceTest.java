package dev.sfu.bench.load;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtp.KeyFrameDetector;
import dev.sfu.media.rtp.RtpPacket;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VideoSourceTest {

    @Test
    void aFrameIsSplitIntoPacketsOfAtMost1200BytesWithTheMarkerOnTheLast() {
        VideoSource source = new VideoSource(96, 1234, 2_000_000, 300, new SplittableRandom(1));
        List<byte[]> frame = source.nextFrame(42);

        assertTrue(frame.size() > 1, "a 2 Mbit/s key frame needs several packets");
        RtpView view = new RtpView();
        for (int i = 0; i < frame.size(); i++) {
            byte[] p = frame.get(i);
            assertTrue(p.length <= VideoSource.MAX_PACKET_BYTES, "packet " + i + ": " + p.length);
            assertTrue(view.wrap(p));
            assertEquals(i == frame.size() - 1, view.marker());
            assertEquals(1234, view.ssrc());
            assertEquals(42, ProbeTrailer.sendNanos(p, view.payloadOffset(), view.payloadLength()));
            assertTrue(new ProbeTrailer().checksumMatches(p, view.payloadOffset(), view.payloadLength()));
        }
    }

    @Test
    void theFirstFrameAndRequestedFramesAreKeyFramesTheSfuRecognises() {
        VideoSource source = new VideoSource(96, 1, 500_000, 300, new SplittableRandom(2));

        assertTrue(isKeyFrame(source.nextFrame(0).get(0)));
        assertFalse(isKeyFrame(source.nextFrame(0).get(0)));
        source.requestKeyFrame();
        assertTrue(isKeyFrame(source.nextFrame(0).get(0)));
        assertEquals(2, source.keyFrames());
    }

    @Test
    void sequenceNumbersRunOnAcrossFrames() {
        VideoSource source = new VideoSource(96, 1, 1_000_000, 300, new SplittableRandom(3));
        RtpView view = new RtpView();
        int expected = -1;
        for (int f = 0; f < 5; f++) {
            for (byte[] p : source.nextFrame(0)) {
                view.wrap(p);
                if (expected >= 0) assertEquals(expected, view.sequenceNumber());
                expected = (view.sequenceNumber() + 1) & 0xFFFF;
            }
        }
    }

    private static boolean isKeyFrame(byte[] rtp) {
        RtpPacket packet = new RtpPacket();
        packet.wrap(new PacketBuffer().copyFrom(rtp, 0, rtp.length));
        return KeyFrameDetector.VP8.isKeyFrame(packet);
    }
}
