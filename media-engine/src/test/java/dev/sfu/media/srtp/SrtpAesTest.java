package dev.sfu.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import java.util.Arrays;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpAesTest {
    private static final byte[] KEY = new byte[16];
    private static final byte[] SALT_CM = new byte[14];
    private static final byte[] SALT_GCM = new byte[12];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(SALT_CM, (byte) 9);
        Arrays.fill(SALT_GCM, (byte) 9);
    }

    @AfterEach
    void backToTheDefault() {
        SrtpAes.use(SrtpAes.DEFAULT);
    }

    @Test
    void autoPicksOpenSslExactlyWhenItsLibraryLoadsAndSunJceIsAlwaysThere() {
        assertEquals(JitsiOpenSslProvider.isLoaded() ? SrtpAesBackend.OPENSSL : SrtpAesBackend.SUNJCE,
                SrtpAes.use(SrtpAesBackend.AUTO));
        assertEquals(SrtpAesBackend.SUNJCE, SrtpAes.use(SrtpAesBackend.SUNJCE));
        assertEquals(SrtpAesBackend.SUNJCE, SrtpAes.inEffect());
        // An explicit request falls back instead of failing when the native library is missing.
        assertEquals(JitsiOpenSslProvider.isLoaded() ? SrtpAesBackend.OPENSSL : SrtpAesBackend.SUNJCE,
                SrtpAes.use(SrtpAesBackend.OPENSSL));
    }

    @Test
    void aSessionMadeBeforeAnyChoiceGetsTheDefaultWhichIsSunJce() {
        SrtpSession.fromKeys(SrtpProfile.AEAD_AES_128_GCM, KEY, SALT_GCM, KEY, SALT_GCM);
        assertEquals(SrtpAesBackend.SUNJCE, SrtpAes.DEFAULT);
        assertEquals(SrtpAes.DEFAULT, SrtpAes.inEffect());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void bothBackendsWriteTheSameBytesAndReadEachOther(SrtpProfile profile) {
        byte[] rtp = rtp();
        PacketBuffer bySunJce = protect(SrtpAesBackend.SUNJCE, profile, rtp);
        PacketBuffer byOpenSsl = protect(SrtpAesBackend.OPENSSL, profile, rtp);
        assertArrayEquals(bySunJce.toByteArray(), byOpenSsl.toByteArray());
        assertFalse(Arrays.equals(rtp, Arrays.copyOf(bySunJce.toByteArray(), rtp.length)), "encrypted");

        // Decrypt what one wrote with a session on the other backend.
        SrtpAes.use(SrtpAesBackend.OPENSSL);
        SrtpSession receiverOnOpenSsl = session(profile);
        assertTrue(receiverOnOpenSsl.unprotectRtp(bySunJce));
        assertArrayEquals(rtp, bySunJce.toByteArray());
        SrtpAes.use(SrtpAesBackend.SUNJCE);
        SrtpSession receiverOnSunJce = session(profile);
        assertTrue(receiverOnSunJce.unprotectRtp(byOpenSsl));
        assertArrayEquals(rtp, byOpenSsl.toByteArray());
    }

    @Test
    void theConfigValueParsesInAnyCaseAndNamesTheChoicesWhenWrong() {
        assertEquals(SrtpAesBackend.OPENSSL, SrtpAesBackend.parse("OpenSSL"));
        assertEquals(SrtpAesBackend.SUNJCE, SrtpAesBackend.parse(" sunjce "));
        assertEquals("auto", SrtpAesBackend.AUTO.wireName());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SrtpAesBackend.parse("bouncy"))
                .getMessage().contains("auto, openssl or sunjce"));
    }

    private static PacketBuffer protect(SrtpAesBackend backend, SrtpProfile profile, byte[] rtp) {
        SrtpAes.use(backend);
        PacketBuffer packet = new PacketBuffer().copyFrom(rtp, 0, rtp.length);
        assertTrue(session(profile).protectRtp(packet));
        return packet;
    }

    private static SrtpSession session(SrtpProfile profile) {
        byte[] salt = profile == SrtpProfile.AEAD_AES_128_GCM ? SALT_GCM : SALT_CM;
        return SrtpSession.fromKeys(profile, KEY, salt, KEY, salt);
    }

    private static byte[] rtp() {
        byte[] rtp = new byte[12 + 1000];
        rtp[0] = (byte) 0x80;
        rtp[1] = 96;
        rtp[3] = 1;
        rtp[11] = 42;
        for (int i = 12; i < rtp.length; i++) rtp[i] = (byte) i;
        return rtp;
    }
}
