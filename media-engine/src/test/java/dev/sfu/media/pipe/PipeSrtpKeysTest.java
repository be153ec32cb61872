package dev.sfu.media.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PipeSrtpKeysTest {
    private static final byte[] RTP = HexFormat.of().parseHex("806000010000bb8012345678" + "00112233445566778899");

    @Test
    void generatedKeysHaveTheProfilesLengthsAndDifferEachTime() {
        for (SrtpProfile profile : SrtpProfile.values()) {
            PipeSrtpKeys keys = PipeSrtpKeys.generate(profile);
            assertEquals(profile.keyLength(), keys.txKey().length);
            assertEquals(profile.saltLength(), keys.txSalt().length);
            assertEquals(profile.keyLength(), keys.rxKey().length);
            assertEquals(profile.saltLength(), keys.rxSalt().length);
            assertFalse(Arrays.equals(keys.txKey(), keys.rxKey()));
            assertNotEquals(keys, PipeSrtpKeys.generate(profile));
        }
    }

    @Test
    void mirroredKeysDecryptWhatTheOtherSideEncrypts() {
        PipeSrtpKeys a = PipeSrtpKeys.generate(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        PipeSrtpKeys b = a.mirrored();
        assertArrayEquals(a.txKey(), b.rxKey());
        assertArrayEquals(a.rxSalt(), b.txSalt());
        assertEquals(a, b.mirrored());

        SrtpSession sender = a.newSession();
        SrtpSession receiver = b.newSession();
        PacketBuffer packet = new PacketBuffer().copyFrom(RTP, 0, RTP.length);
        assertTrue(sender.protectRtp(packet));
        assertFalse(Arrays.equals(RTP, packet.toByteArray()));
        assertTrue(receiver.unprotectRtp(packet));
        assertArrayEquals(RTP, packet.toByteArray());

        // Keys that are not mirrored do not authenticate.
        PacketBuffer again = new PacketBuffer().copyFrom(RTP, 0, RTP.length);
        assertTrue(a.newSession().protectRtp(again));
        assertFalse(a.newSession().unprotectRtp(again));
    }

    @Test
    void keysAreCopiedValidatedAndNotPrinted() {
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        PipeSrtpKeys keys = new PipeSrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, key, salt, key, salt);
        key[0] = 1;
        keys.txKey()[0] = 2;
        assertEquals(0, keys.txKey()[0]);
        assertEquals(0, keys.rxKey()[0]);
        assertFalse(keys.toString().contains("0, 0"));
        assertTrue(keys.toString().contains("hidden"));
        assertThrows(IllegalArgumentException.class,
                () -> new PipeSrtpKeys(SrtpProfile.AEAD_AES_128_GCM, key, salt, key, salt)); // GCM salt is 12
        assertThrows(IllegalArgumentException.class,
                () -> new PipeSrtpKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, null, salt, key, salt));
        assertThrows(NullPointerException.class, () -> new PipeSrtpKeys(null, key, salt, key, salt));
    }

    @Test
    void keysSurviveAJsonRoundTripAsTheClusterShipsThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PipeSrtpKeys keys = PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM).mirrored();
        String text = json.writeValueAsString(keys);
        assertTrue(text.contains("\"profile\":\"AEAD_AES_128_GCM\""), text);
        assertEquals(keys, json.readValue(text, PipeSrtpKeys.class));
    }
}
