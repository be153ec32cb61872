package dev.sfu.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A VP8-like video stream at a target bitrate and 30 frames/s: each frame is split into RTP packets of at most
 * 1200 bytes with a VP8 payload descriptor (RFC 7741: X, S on the first packet, a 15-bit picture id) and the marker
 * bit on the last. Key frames (three times the average size) come first, on request (PLI/FIR) and every
 * {@code keyFrameIntervalFrames}; the SFU recognises them from the descriptor and the frame tag's P bit.
 * Used by one pacing thread; {@link #requestKeyFrame} may be called from any thread.
 */
final class VideoSource {
    static final int FRAMES_PER_SECOND = 30;
    static final int MAX_PACKET_BYTES = 1200;
    static final int CLOCK_RATE = 90_000;
    private static final int DESCRIPTOR_BYTES = 4;
    private static final int KEY_FRAME_FACTOR = 3;

    private final int payloadType;
    private final long ssrc;
    private final int averageFrameBytes;
    private final int keyFrameIntervalFrames;
    private final SplittableRandom random;
    private final ProbeTrailer trailer = new ProbeTrailer();

    private int sequence;
    private long timestamp;
    private int pictureId;
    private long framesSinceKey;
    private volatile boolean keyFrameRequested = true;
    private long keyFrames;

    VideoSource(int payloadType, long ssrc, int bitrateBps, int keyFrameIntervalFrames, SplittableRandom random) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.averageFrameBytes = Math.max(64, bitrateBps / 8 / FRAMES_PER_SECOND);
        this.keyFrameIntervalFrames = keyFrameIntervalFrames;
        this.random = random;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong(1L << 32);
        this.pictureId = random.nextInt(1 << 15);
    }

    long ssrc() {
        return ssrc;
    }

    long keyFrames() {
        return keyFrames;
    }

    void requestKeyFrame() {
        keyFrameRequested = true;
    }

    /** The packets of the next frame, each stamped with {@code sendNanos}. */
    List<byte[]> nextFrame(long sendNanos) {
        boolean key = keyFrameRequested || ++framesSinceKey >= keyFrameIntervalFrames;
        if (key) {
            keyFrameRequested = false;
            framesSinceKey = 0;
            keyFrames++;
        }
        int frameBytes = key ? averageFrameBytes * KEY_FRAME_FACTOR
                : (int) (averageFrameBytes * (0.75 + 0.5 * random.nextDouble()));
        int perPacket = MAX_PACKET_BYTES - RtpView.FIXED_HEADER - DESCRIPTOR_BYTES - ProbeTrailer.LENGTH;
        int packets = (frameBytes + perPacket - 1) / perPacket;
        List<byte[]> out = new ArrayList<>(packets);
        int remaining = frameBytes;
        for (int i = 0; i < packets; i++) {
            int data = remaining / (packets - i);
            remaining -= data;
            out.add(packet(i == 0, i == packets - 1, key, data, sendNanos));
        }
        timestamp += CLOCK_RATE / FRAMES_PER_SECOND;
        pictureId = (pictureId + 1) & 0x7FFF;
        return out;
    }

    private byte[] packet(boolean first, boolean last, boolean key, int dataBytes, long sendNanos) {
        int payloadLength = DESCRIPTOR_BYTES + dataBytes + ProbeTrailer.LENGTH;
        byte[] p = new byte[RtpView.FIXED_HEADER + payloadLength];
        RtpWriter.header(p, last, payloadType, sequence, timestamp, ssrc);
        sequence = (sequence + 1) & 0xFFFF;
        int at = RtpView.FIXED_HEADER;
        p[at] = (byte) (0x80 | (first ? 0x10 : 0));   // X, S (start of partition 0)
        p[at + 1] = (byte) 0x80;                        // I: picture id present
        p[at + 2] = (byte) (0x80 | (pictureId >>> 8));  // M: 15-bit picture id
        p[at + 3] = (byte) pictureId;
        PayloadFill.copy(sequence, p, at + DESCRIPTOR_BYTES, dataBytes);
        if (first) {
            p[at + DESCRIPTOR_BYTES] = (byte) (key ? 0x10 : 0x11); // frame tag: show_frame, P = 0 on key frames
        }
        trailer.write(p, at, payloadLength, sendNanos);
        return p;
    }
}
