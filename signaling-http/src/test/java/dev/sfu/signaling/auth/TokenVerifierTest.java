package dev.sfu.signaling.auth;

import com.nimbusds.jose.util.Base64URL;
import dev.sfu.signaling.ManualClock;
import dev.sfu.signaling.api.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

    private final ManualClock clock = new ManualClock(NOW);
    private final TokenVerifier hs256 = new TokenVerifier(AuthSettings.hs256(TestTokens.SECRET), clock);

    @Test
    void readsTheClaimsOfAValidToken() {
        AccessToken token = hs256.verify(TestTokens.hs256("r1", List.of("publish", "subscribe"), IN_AN_HOUR));

        assertEquals("tester", token.subject());
        assertEquals("r1", token.room());
        assertEquals(Set.of(Right.PUBLISH, Right.SUBSCRIBE), token.rights());
        assertEquals(IN_AN_HOUR, token.expiresAt());
        assertTrue(token.id().startsWith("sig:"), "without jti a token is known by its signature: " + token.id());
    }

    @Test
    void expiredTokenIs401() {
        String token = TestTokens.hs256("r1", List.of("publish"), NOW.minusSeconds(31));

        assertUnauthorized(token, "expired");
    }

    @Test
    void expiryWithinTheClockSkewIsAccepted() {
        String token = TestTokens.hs256("r1", List.of("publish"), NOW.minusSeconds(29));

        assertEquals("r1", hs256.verify(token).room());
    }

    @Test
    void tokenBecomesInvalidWhenTheClockPassesItsExpiry() {
        String token = TestTokens.hs256("r1", List.of("publish"), IN_AN_HOUR);
        hs256.verify(token);

        clock.advance(Duration.ofHours(1).plusMinutes(1));

        assertUnauthorized(token, "expired");
    }

    @Test
    void tokenWithoutExpiryIs401() {
        assertUnauthorized(TestTokens.hs256("r1", List.of("publish"), null), "no expiry");
    }

    @Test
    void tokenNotYetValidIs401() {
        String token = TestTokens.hs256(TestTokens.SECRET, TestTokens.claims("r1", List.of("publish"), IN_AN_HOUR)
                .notBeforeTime(Date.from(NOW.plusSeconds(600))).build());

        assertUnauthorized(token, "not valid before");
    }

    @Test
    void tokenSignedWithAnotherSecretIs401() {
        String token = TestTokens.hs256(TestTokens.OTHER_SECRET,
                TestTokens.claims("r1", List.of("publish"), IN_AN_HOUR).build());

        assertUnauthorized(token, "signature");
    }

    @Test
    void tokenWhosePayloadWasChangedIs401() {
        String[] parts = TestTokens.hs256("r1", List.of("subscribe"), IN_AN_HOUR).split("\\.");
        String forgedPayload = Base64URL.encode(("{\"sub\":\"tester\",\"room\":\"*\",\"rights\":[\"admin\"],\"exp\":"
                + IN_AN_HOUR.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)).toString();

        assertUnauthorized(parts[0] + "." + forgedPayload + "." + parts[2], "signature");
    }

    @Test
    void unsignedTokenIs401() {
        String header = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(("{\"room\":\"r1\",\"rights\":[\"admin\"],\"exp\":"
                + IN_AN_HOUR.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8)).toString();

        assertUnauthorized(header + "." + payload + ".", "malformed");
    }

    @Test
    void garbageIs401() {
        assertUnauthorized("not-a-token", "malformed");
        assertUnauthorized("a.b.c", "malformed");
        assertUnauthorized("", "malformed");
    }

    @Test
    void tokenWithoutRoomIs401() {
        assertUnauthorized(TestTokens.hs256(null, List.of("publish"), IN_AN_HOUR), "no 'room'");
    }

    @Test
    void tokenWithoutRightsIs401() {
        assertUnauthorized(TestTokens.hs256("r1", null, IN_AN_HOUR), "no 'rights'");
    }

    @Test
    void rightsThatAreNotStringsAre401() {
        String token = TestTokens.hs256(TestTokens.SECRET, TestTokens.claims("r1", null, IN_AN_HOUR)
                .claim("rights", "publish").build());

        assertUnauthorized(token, "array of strings");
    }

    @Test
    void unknownRightIs401NamingIt() {
        assertUnauthorized(TestTokens.hs256("r1", List.of("publish", "root"), IN_AN_HOUR), "'root'");
    }

    @Test
    void es256TokenVerifiesWithItsPublicKey() {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        TokenVerifier es256 = new TokenVerifier(AuthSettings.publicKeyPem(TestTokens.pem(pair.getPublic())), clock);

        AccessToken token = es256.verify(TestTokens.es256(pair, TestTokens.claims("r1", List.of("subscribe"), IN_AN_HOUR).build()));

        assertEquals(Set.of(Right.SUBSCRIBE), token.rights());
    }

    @Test
    void es256TokenOfAnotherKeyIs401() {
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        TokenVerifier es256 = new TokenVerifier(AuthSettings.publicKeyPem(TestTokens.pem(pair.getPublic())), clock);
        String token = TestTokens.es256(TestTokens.ecKeyPair("secp256r1"),
                TestTokens.claims("r1", List.of("subscribe"), IN_AN_HOUR).build());

        ApiException e = assertThrows(ApiException.class, () -> es256.verify(token));
        assertEquals(401, e.status());
    }

    @Test
    void rs256TokenVerifiesWithItsPublicKey() {
        KeyPair pair = TestTokens.rsaKeyPair(2048);
        TokenVerifier rs256 = new TokenVerifier(AuthSettings.publicKeyPem(TestTokens.pem(pair.getPublic())), clock);

        AccessToken token = rs256.verify(TestTokens.rs256(pair, TestTokens.claims("*", List.of("admin"), IN_AN_HOUR).build()));

        assertEquals("*", token.room());
    }

    @Test
    void hs256TokenIsRefusedWhereAPublicKeyIsConfigured() {
        // The classic confusion: an HMAC "signed" with the public key's bytes must not pass as ES256.
        KeyPair pair = TestTokens.ecKeyPair("secp256r1");
        String pem = TestTokens.pem(pair.getPublic());
        TokenVerifier es256 = new TokenVerifier(AuthSettings.publicKeyPem(pem), clock);
        String token = TestTokens.hs256(pem, TestTokens.claims("r1", List.of("admin"), IN_AN_HOUR).build());

        ApiException e = assertThrows(ApiException.class, () -> es256.verify(token));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("HS256 not accepted"), e.getMessage());
    }

    @Test
    void openSettingsHaveNothingToVerifyWith() {
        assertThrows(IllegalArgumentException.class, () -> new TokenVerifier(AuthSettings.open(), clock));
    }

    private void assertUnauthorized(String token, String messagePart) {
        ApiException e = assertThrows(ApiException.class, () -> hs256.verify(token));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
