package dev.sfu.bench.load;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioSourceTest {

    @Test
    void packetsAreSizedForTheBitrateAndAdvanceBy20Milliseconds() {
        AudioSource source = new AudioSource(111, 99, 32_000, new SplittableRandom(4));
        byte[] first = source.nextPacket(7);
        byte[] second = source.nextPacket(8);

        assertEquals(12 + 80, first.length);
        RtpView view = new RtpView();
        assertTrue(view.wrap(first));
        int seq = view.sequenceNumber();
        long ts = RtpView.readUnsignedInt(first, 4);
        assertEquals(111, view.payloadType());
        assertEquals(7, ProbeTrailer.sendNanos(first, view.payloadOffset(), view.payloadLength()));
        assertTrue(new ProbeTrailer().checksumMatches(first, view.payloadOffset(), view.payloadLength()));

        view.wrap(second);
        assertEquals((seq + 1) & 0xFFFF, view.sequenceNumber());
        assertEquals((ts + AudioSource.SAMPLES_PER_PACKET) & 0xFFFFFFFFL, RtpView.readUnsignedInt(second, 4));
    }
}
