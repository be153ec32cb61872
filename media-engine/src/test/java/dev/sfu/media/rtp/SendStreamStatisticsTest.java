package dev.sfu.media.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SendStreamStatisticsTest {

    @Test
    void rttComesFromLsrAndDlsr() {
        SendStreamStatistics s = new SendStreamStatistics(90000);
        assertEquals(-1, s.rttMillis());
        long srSentNtp = NtpTime.fromUnixMillis(1_700_000_000_000L);
        long lsr = NtpTime.middle32(srSentNtp);
        long dlsr = 500L * 65536 / 1000;                       // receiver held it 500 ms
        long now = NtpTime.fromUnixMillis(1_700_000_000_000L + 580);
        s.onReportBlock(64, 12, 900, lsr, dlsr, now);
        assertEquals(80, s.rttMillis(), 0.1);
        assertEquals(0.25, s.reportedFractionLost());
        assertEquals(12, s.reportedLost());
        assertEquals(10, s.reportedJitterMillis(), 0.001);
    }

    @Test
    void countsPacketsAndRetransmissionsSeparately() {
        SendStreamStatistics s = new SendStreamStatistics(48000);
        s.onPacketSent(100, 0);
        s.onPacketSent(100, 10);
        s.onRetransmissionSent(102, 20);
        assertEquals(2, s.packets());
        assertEquals(200, s.bytes());
        assertEquals(1, s.retransmissions());
        assertEquals(302 * 8, s.bitrateBps(20));
    }
}
