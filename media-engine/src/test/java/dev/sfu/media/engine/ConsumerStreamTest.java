package dev.sfu.media.engine;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerStreamTest {

    private static ProducerStream source() {
        return new ProducerStream(null, 0, 5L, null, null, 42, 48000, "audio/opus", false, false);
    }

    private static void send(ConsumerStream s, int seq, long ts, long now) {
        byte[] b = EngineFixtures.opus(seq, ts);
        RtpPacket p = new RtpPacket();
        p.wrap(PacketBuffer.wrap(b, 0, b.length));
        s.rewriter().rewrite(p, now);
        s.statistics().onPacketSent(b.length, now);
    }

    @Test
    void senderReportTimesFollowTheLastPacketWithoutASourceSr() {
        ConsumerStream s = new ConsumerStream(7, -1, 48000);
        long[] times = new long[2];
        assertFalse(s.senderReportTimes(source(), 1000, times), "nothing sent yet");
        send(s, 1, 96_000, 1000);
        assertTrue(s.senderReportTimes(source(), 1500, times));
        assertEquals(NtpTime.fromUnixMillis(1500), times[0]);
        assertEquals(96_000 + 500 * 48, times[1]);
    }

    @Test
    void senderReportTimesUseTheSourcesSrMapping() {
        ConsumerStream s = new ConsumerStream(7, -1, 48000);
        ProducerStream src = source();
        send(s, 1, 96_000, 1000);
        src.onSenderReport(NtpTime.fromUnixMillis(900), 90_000, 1100);
        long[] times = new long[2];
        assertTrue(s.senderReportTimes(src, 2100, times));
        assertEquals(90_000 + 1000 * 48, times[1], "source SR RTP + elapsed since it arrived");
    }

    @Test
    void rtxSequenceNumbersAreItsOwnAndWrap() {
        ConsumerStream s = new ConsumerStream(7, 8, 90000);
        int first = s.nextRtxSeq();
        assertEquals((first + 1) & 0xFFFF, s.nextRtxSeq());
        assertEquals(8, s.rtxSsrc());
    }
}
