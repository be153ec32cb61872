package dev.sfu.media.ortc;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RtpStreamTypeTest {

    @Test
    void isSimpleForOneEncodingAndSimulcastForSeveral() {
        assertEquals(RtpStreamType.SIMPLE, RtpStreamType.of(ChromiumFixtures.videoVp8()));
        assertEquals(RtpStreamType.SIMULCAST, RtpStreamType.of(ChromiumFixtures.videoVp8Simulcast()));
        assertEquals("simulcast", RtpStreamType.SIMULCAST.wireName());
    }
}
