package dev.sfu.signaling.auth;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthSettingsTest {

    @Test
    void withoutAKeyTheApiIsOpen() {
        assertTrue(AuthSettings.open().isOpen());
        assertTrue(AuthSettings.of(null, "", " ", null).isOpen());
        assertTrue(AuthSettings.fromConfig(ConfigFactory.empty()).isOpen());
        assertEquals("none", AuthSettings.open().algorithm());
    }

    @Test
    void aSecretMeansHs256AndMustBeLongEnough() {
        AuthSettings settings = AuthSettings.hs256(TestTokens.SECRET);

        assertFalse(settings.isOpen());
        assertEquals("HS256", settings.algorithm());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AuthSettings.hs256("x".repeat(AuthSettings.MIN_SECRET_BYTES - 1)));
        assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
    }

    @Test
    void thePublicKeyDecidesTheAlgorithm() {
        assertEquals("ES256", AuthSettings.publicKeyPem(TestTokens.pem(TestTokens.ecKeyPair("secp256r1").getPublic())).algorithm());
        assertEquals("RS256", AuthSettings.publicKeyPem(TestTokens.pem(TestTokens.rsaKeyPair(2048).getPublic())).algorithm());
    }

    @Test
    void weakOrUnsupportedKeysAreRefused() {
        String p384 = TestTokens.pem(TestTokens.ecKeyPair("secp384r1").getPublic());
        String rsa1024 = TestTokens.pem(TestTokens.rsaKeyPair(1024).getPublic());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> AuthSettings.publicKeyPem(p384))
                .getMessage().contains("P-256"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AuthSettings.publicKeyPem(rsa1024))
                .getMessage().contains("2048"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AuthSettings.publicKeyPem("not pem"))
                .getMessage().contains("PUBLIC KEY"));
    }

    @Test
    void onlyOneKeyMayBeConfigured() {
        String pem = TestTokens.pem(TestTokens.ecKeyPair("secp256r1").getPublic());

        assertThrows(IllegalArgumentException.class, () -> AuthSettings.of(TestTokens.SECRET, pem, null, null));
    }

    @Test
    void readsItsConfigurationKeys(@TempDir Path dir) throws Exception {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        Path keyFile = dir.resolve("auth-public.pem");
        Files.writeString(keyFile, TestTokens.pem(pair.getPublic()));

        AuthSettings fromFile = AuthSettings.fromConfig(ConfigFactory.parseString(
                "sfu.auth { public-key-file = \"" + keyFile + "\", clock-skew = 5s }"));
        AuthSettings fromSecret = AuthSettings.fromConfig(ConfigFactory.parseString(
                "sfu.auth.secret = \"" + TestTokens.SECRET + "\""));

        assertEquals("ES256", fromFile.algorithm());
        assertEquals(pair.getPublic(), fromFile.publicKey());
        assertEquals(Duration.ofSeconds(5), fromFile.clockSkew());
        assertEquals("HS256", fromSecret.algorithm());
        assertEquals(AuthSettings.DEFAULT_CLOCK_SKEW, fromSecret.clockSkew());
    }

    @Test
    void aMissingKeyFileIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AuthSettings.of(null, null, "/nonexistent/key.pem", null));
        assertTrue(e.getMessage().contains("/nonexistent/key.pem"), e.getMessage());
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertFalse(AuthSettings.hs256(TestTokens.SECRET).toString().contains(TestTokens.SECRET));
    }
}
