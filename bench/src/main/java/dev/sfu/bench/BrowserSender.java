package dev.sfu.bench;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;

/**
 * The publishing browser: writes the next packet of its stream (sequence number and timestamp advancing as on
 * the wire) and protects it with its own SRTP session, so every packet the SFU gets is fresh for its replay
 * check. Used outside the measured code to prepare what the benchmark then receives.
 */
final class BrowserSender {
    private final SampleStream stream;
    private final SrtpSession srtp;
    private final byte[] payload;
    private int seq = 1000;
    private long timestamp = 90_000;

    BrowserSender(SampleStream stream, SrtpSession srtp, int payloadSize) {
        this.stream = stream;
        this.srtp = srtp;
        this.payload = SampleStream.payload(payloadSize);
    }

    /** Writes the next plain RTP packet into {@code into}. */
    void writePlain(PacketBuffer into, boolean keyFrame) {
        stream.write(into, seq, timestamp, payload, keyFrame);
        seq = (seq + 1) & 0xFFFF;
        timestamp = (timestamp + stream.timestampStep()) & 0xFFFFFFFFL;
    }

    /** Writes and protects the next packet into {@code into}. */
    void writeProtected(PacketBuffer into, boolean keyFrame) {
        writePlain(into, keyFrame);
        if (!srtp.protectRtp(into)) {
            throw new IllegalStateException("browser could not protect: " + srtp.counters());
        }
    }

    /** Fills every buffer of {@code ring} with the next protected (delta-frame) packets. */
    void refillProtected(PacketBuffer[] ring) {
        for (PacketBuffer p : ring) {
            writeProtected(p, false);
        }
    }

    static PacketBuffer[] newRing(int size) {
        PacketBuffer[] ring = new PacketBuffer[size];
        for (int i = 0; i < size; i++) {
            ring[i] = new PacketBuffer();
        }
        return ring;
    }
}
