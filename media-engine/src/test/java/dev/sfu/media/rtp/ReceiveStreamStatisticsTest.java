package dev.sfu.media.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReceiveStreamStatisticsTest {

    @Test
    void countsLossAcrossTheSequenceWrap() {
        ReceiveStreamStatistics s = new ReceiveStreamStatistics(90000);
        s.onPacket(65530, 0, 100, 0, false);
        for (int seq : new int[] {65531, 65533, 65535, 0, 2, 3}) {
            s.onPacket(seq, 0, 100, 0, false);
        }
        assertEquals(65536 + 3, s.extendedHighestSeq());
        assertEquals(10, s.expected());
        assertEquals(3, s.cumulativeLost());
        assertEquals(3 * 256 / 10, s.takeFractionLost());
        s.onPacket(4, 0, 100, 0, false);
        assertEquals(0, s.takeFractionLost(), "no loss since the last report");
        assertEquals(8, s.packets());
        assertEquals(800, s.bytes());
    }

    @Test
    void jitterFollowsRfc3550A8() {
        ReceiveStreamStatistics s = new ReceiveStreamStatistics(90000);
        // 30 fps frames (3000 ticks) arriving alternately 10 ms early and late: |D| = 20 ms = 1800 ticks
        long ts = 0;
        for (int i = 0; i < 400; i++) {
            long arrival = i * 1000L / 30 + (i % 2 == 0 ? 0 : 20);
            s.onPacket(i, ts, 1000, arrival, false);
            ts += 3000;
        }
        // converges towards ~1800 ticks (20 ms); integer arrival ms leaves a little slack
        assertEquals(20.0, s.jitterMillis(), 1.5);
    }

    @Test
    void retransmissionsCountAsReceivedButNotForJitter() {
        ReceiveStreamStatistics s = new ReceiveStreamStatistics(48000);
        s.onPacket(1, 0, 50, 0, false);
        s.onPacket(3, 1920, 50, 40, false);
        s.onPacket(2, 960, 50, 5000, true);
        assertEquals(0, s.cumulativeLost());
        assertEquals(0, s.jitterRtpUnits());
    }
}
