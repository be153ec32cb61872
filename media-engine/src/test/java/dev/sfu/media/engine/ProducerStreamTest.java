package dev.sfu.media.engine;

import dev.sfu.media.rtp.NtpTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerStreamTest {

    private static ProducerStream stream(Long ssrc) {
        return new ProducerStream(null, 0, ssrc, null, null, 42, 90000, "video/VP8", true, true);
    }

    @Test
    void paceKeyFrameRequestsAndRemembersTheOnesHeldBack() {
        ProducerStream s = stream(5L);
        assertTrue(s.requestKeyFrame(0));
        assertFalse(s.requestKeyFrame(100));
        assertFalse(s.keyFrameRequestDue(499));
        assertTrue(s.keyFrameRequestDue(500));
        assertFalse(s.keyFrameRequestDue(2000), "sent, nothing pending");
        assertFalse(s.requestKeyFrame(600));
        s.onKeyFrameReceived();
        assertFalse(s.keyFrameRequestDue(2000), "a key frame arrived meanwhile");
    }

    @Test
    void cannotRequestBeforeTheSsrcIsKnown() {
        assertFalse(stream(null).requestKeyFrame(0));
    }

    @Test
    void lsrAndDlsrFromTheLastSenderReport() {
        ProducerStream s = stream(5L);
        assertEquals(0, s.lastSrField());
        long ntp = NtpTime.fromUnixMillis(1_700_000_000_000L);
        s.onSenderReport(ntp, 1234, 10_000);
        assertEquals(NtpTime.middle32(ntp), s.lastSrField());
        assertEquals(65536, s.delaySinceLastSrField(11_000));
    }

    @Test
    void isActiveWhilePacketsArrive() {
        ProducerStream s = stream(5L);
        assertFalse(s.isActive(0));
        byte[] b = EngineFixtures.vp8(true, 1, 1);
        s.onPacket(EngineFixtures.parse(b), false, 1000);
        assertTrue(s.isActive(1000 + ProducerStream.INACTIVE_AFTER_MILLIS - 1));
        assertFalse(s.isActive(1000 + ProducerStream.INACTIVE_AFTER_MILLIS));
    }
}
