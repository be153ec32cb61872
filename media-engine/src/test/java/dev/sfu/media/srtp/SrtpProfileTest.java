package dev.sfu.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SrtpProfileTest {
    @Test
    void carriesTheRfc5764AndRfc7714Parameters() {
        SrtpProfile cm = SrtpProfile.AES128_CM_HMAC_SHA1_80;
        assertEquals(0x0001, cm.protectionProfileId());
        assertEquals(16, cm.keyLength());
        assertEquals(14, cm.saltLength());
        assertEquals(10, cm.rtpAuthTagLength());
        assertEquals(10, cm.rtcpAuthTagLength());
        assertEquals(60, cm.keyingMaterialLength());

        SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;
        assertEquals(0x0007, gcm.protectionProfileId());
        assertEquals(16, gcm.keyLength());
        assertEquals(12, gcm.saltLength());
        assertEquals(16, gcm.rtpAuthTagLength());
        assertEquals(56, gcm.keyingMaterialLength());
    }

    @Test
    void looksUpByProtectionProfileId() {
        assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.fromProtectionProfileId(0x0001));
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.fromProtectionProfileId(0x0007));
        assertNull(SrtpProfile.fromProtectionProfileId(0x0002));
    }
}
