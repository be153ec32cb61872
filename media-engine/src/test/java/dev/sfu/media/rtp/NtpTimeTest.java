package dev.sfu.media.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NtpTimeTest {

    @Test
    void convertsUnixMillisBothWays() {
        long ntp = NtpTime.fromUnixMillis(0);
        assertEquals(2_208_988_800L, ntp >>> 32);
        assertEquals(1_700_000_000_250L, NtpTime.toUnixMillis(NtpTime.fromUnixMillis(1_700_000_000_250L)));
        assertEquals(0x8000_0000L, NtpTime.fromUnixMillis(500) & 0xFFFFFFFFL);
        assertEquals(NtpTime.fromUnixMillis(1500), NtpTime.plusMillis(NtpTime.fromUnixMillis(500), 1000));
        assertEquals(((2_208_988_800L & 0xFFFF) << 16) | 0x8000, NtpTime.middle32(NtpTime.fromUnixMillis(500)));
    }
}
