package dev.sfu.signaling;

import com.typesafe.config.ConfigFactory;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.auth.TestTokens;
import dev.sfu.signaling.limits.LimitSettings;
import dev.sfu.signaling.limits.QuotaSettings;
import dev.sfu.signaling.tls.HttpsSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalingHttpSettingsTest {

    @Test
    void defaultsAreOpenRateLimitedAndPlain() {
        SignalingHttpSettings defaults = SignalingHttpSettings.DEFAULTS;

        assertTrue(defaults.auth().isOpen());
        assertEquals(LimitSettings.DEFAULTS, defaults.limits());
        assertTrue(defaults.limits().enabled());
        assertEquals(50, defaults.limits().requestsPerSecond());
        assertEquals(100, defaults.limits().burst());
        assertFalse(defaults.https().isEnabled());
    }

    @Test
    void anEmptyConfigurationGivesTheDefaults() {
        assertEquals(SignalingHttpSettings.DEFAULTS.limits(), SignalingHttpSettings.fromConfig(ConfigFactory.empty()).limits());
        assertTrue(SignalingHttpSettings.fromConfig(ConfigFactory.empty()).auth().isOpen());
    }

    @Test
    void readsTheSecuritySectionsOfAConfiguration() {
        SignalingHttpSettings settings = SignalingHttpSettings.fromConfig(ConfigFactory.parseString("""
                sfu.auth.secret = "%s"
                sfu.limits { requests-per-second = 5, burst = 7, trust-forwarded-for = on, max-tracked-clients = 9 }
                sfu.http.tls { certificate-file = "/etc/sfu/cert.pem", private-key-file = "/etc/sfu/key.pem" }
                """.formatted(TestTokens.SECRET)));

        assertEquals("HS256", settings.auth().algorithm());
        assertEquals(new LimitSettings(true, 5, 7, 9, true), settings.limits());
        assertEquals(HttpsSettings.pem(Path.of("/etc/sfu/cert.pem"), Path.of("/etc/sfu/key.pem")), settings.https());
        assertEquals(SignalingHttpSettings.DEFAULTS.serviceTimeout(), settings.serviceTimeout());
    }

    @Test
    void readsThePerClientQuotasAndTheBodyReadTimeout() {
        SignalingHttpSettings settings = SignalingHttpSettings.fromConfig(ConfigFactory.parseString("""
                sfu.limits.per-token { transports = 3, producers = 4, consumers = 5 }
                sfu.limits.per-address.consumers = 60
                sfu.http.body-read-timeout = 2s
                """));

        assertEquals(new QuotaSettings.Quota(3, 4, 5), settings.quotas().perToken());
        assertEquals(new QuotaSettings.Quota(200, 200, 60), settings.quotas().perAddress());
        assertTrue(settings.quotas().enabled());
        assertEquals(Duration.ofSeconds(2), settings.bodyReadTimeout());
        assertFalse(QuotaSettings.fromConfig(ConfigFactory.parseString("sfu.limits.enabled = off")).enabled());
        assertThrows(IllegalArgumentException.class, () -> new QuotaSettings.Quota(0, 1, 1));
    }

    @Test
    void limitsCanBeTurnedOff() {
        LimitSettings limits = LimitSettings.fromConfig(ConfigFactory.parseString("sfu.limits.enabled = off"));

        assertFalse(limits.enabled());
    }

    @Test
    void withersChangeOnePart() {
        SignalingHttpSettings settings = SignalingHttpSettings.DEFAULTS
                .withAuth(AuthSettings.hs256(TestTokens.SECRET))
                .withServiceTimeout(Duration.ofSeconds(3));

        assertFalse(settings.auth().isOpen());
        assertEquals(Duration.ofSeconds(3), settings.serviceTimeout());
        assertEquals(SignalingHttpSettings.DEFAULTS.maxBodyBytes(), settings.maxBodyBytes());
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LimitSettings(true, 0, 10, 10, false));
        assertThrows(IllegalArgumentException.class, () -> new LimitSettings(true, 10, 0, 10, false));
        assertThrows(IllegalArgumentException.class, () -> SignalingHttpSettings.DEFAULTS.withAuth(null));
    }
}
