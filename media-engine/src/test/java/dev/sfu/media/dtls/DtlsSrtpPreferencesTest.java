package dev.sfu.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sfu.media.srtp.SrtpProfile;
import org.junit.jupiter.api.Test;

class DtlsSrtpPreferencesTest {
    @Test
    void prefersGcmWhenOfferedInAnyOrder() {
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, DtlsSrtpPreferences.choose(new int[] {0x0001, 0x0002, 0x0007}));
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, DtlsSrtpPreferences.choose(new int[] {0x0008, 0x0007, 0x0001}));
    }

    @Test
    void fallsBackToAesCmAndRejectsUnknownProfiles() {
        assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, DtlsSrtpPreferences.choose(new int[] {0x0002, 0x0001}));
        assertNull(DtlsSrtpPreferences.choose(new int[] {0x0002, 0x0008}));
        assertNull(DtlsSrtpPreferences.choose(new int[0]));
    }

    @Test
    void offersBothProfilesBestFirst() {
        assertArrayEquals(new int[] {0x0007, 0x0001}, DtlsSrtpPreferences.srtpProfileIds());
    }
}
