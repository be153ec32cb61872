package dev.sfu.bench.load;

import java.util.SplittableRandom;

/** An Opus-like audio stream: one packet of 20 ms (960 samples at 48 kHz) every 20 ms, sized for the bitrate. */
final class AudioSource {
    static final int PACKETS_PER_SECOND = 50;
    static final int SAMPLES_PER_PACKET = 960;

    private final int payloadType;
    private final long ssrc;
    private final int payloadBytes;
    private final ProbeTrailer trailer = new ProbeTrailer();

    private int sequence;
    private long timestamp;

    AudioSource(int payloadType, long ssrc, int bitrateBps, SplittableRandom random) {
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.payloadBytes = Math.max(1 + ProbeTrailer.LENGTH + 8, bitrateBps / 8 / PACKETS_PER_SECOND);
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong(1L << 32);
    }

    long ssrc() {
        return ssrc;
    }

    byte[] nextPacket(long sendNanos) {
        byte[] p = new byte[RtpView.FIXED_HEADER + payloadBytes];
        RtpWriter.header(p, false, payloadType, sequence, timestamp, ssrc);
        int at = RtpView.FIXED_HEADER;
        p[at] = (byte) 0xFC; // Opus TOC: config 31 (CELT FB 20 ms), mono, one frame
        PayloadFill.copy(sequence, p, at + 1, payloadBytes - 1 - ProbeTrailer.LENGTH);
        trailer.write(p, at, payloadBytes, sendNanos);
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += SAMPLES_PER_PACKET;
        return p;
    }
}
