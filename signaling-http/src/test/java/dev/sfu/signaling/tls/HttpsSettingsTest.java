package dev.sfu.signaling.tls;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpsSettingsTest {

    @Test
    void disabledUnlessACertificateIsConfigured() {
        assertFalse(HttpsSettings.DISABLED.isEnabled());
        assertFalse(HttpsSettings.of("", " ", null, "").isEnabled());
        assertFalse(HttpsSettings.fromConfig(ConfigFactory.empty()).isEnabled());
    }

    @Test
    void readsItsConfigurationKeys() {
        HttpsSettings pem = HttpsSettings.fromConfig(ConfigFactory.parseString(
                "sfu.http.tls { certificate-file = \"/etc/sfu/cert.pem\", private-key-file = \"/etc/sfu/key.pem\" }"));
        HttpsSettings p12 = HttpsSettings.fromConfig(ConfigFactory.parseString(
                "sfu.http.tls { keystore-file = \"/etc/sfu/server.p12\", keystore-password = \"pw\" }"));

        assertEquals(Path.of("/etc/sfu/cert.pem"), pem.certificateFile());
        assertEquals(Path.of("/etc/sfu/key.pem"), pem.privateKeyFile());
        assertTrue(pem.isEnabled());
        assertEquals(Path.of("/etc/sfu/server.p12"), p12.keystoreFile());
        assertEquals("pw", p12.keystorePassword());
    }

    @Test
    void halfAPemPairOrBothKindsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HttpsSettings.of("/c.pem", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> HttpsSettings.of(null, "/k.pem", null, null));
        assertThrows(IllegalArgumentException.class, () -> HttpsSettings.of("/c.pem", "/k.pem", "/s.p12", "pw"));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertFalse(HttpsSettings.pkcs12(Path.of("/s.p12"), "hunter2").toString().contains("hunter2"));
    }
}
