package dev.sfu.signaling.auth;

import dev.sfu.signaling.ManualClock;
import dev.sfu.signaling.api.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenIssuerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final TokenIssuer issuer = new TokenIssuer(TestTokens.SECRET, clock);
    private final TokenVerifier verifier = new TokenVerifier(AuthSettings.hs256(TestTokens.SECRET), clock);

    @Test
    void issuedTokenVerifiesWithTheSameSecretAndCarriesItsClaims() {
        String compact = issuer.issue("alice", "r1", List.of(Right.SUBSCRIBE, Right.PUBLISH), Duration.ofMinutes(10));

        AccessToken token = verifier.verify(compact);
        assertEquals("alice", token.subject());
        assertEquals("r1", token.room());
        assertEquals(Set.of(Right.PUBLISH, Right.SUBSCRIBE), token.rights());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), token.expiresAt());
        assertTrue(token.id().startsWith("jti:"), token.id());
    }

    @Test
    void issuedTokenExpiresAfterItsTtl() {
        String compact = issuer.issue("alice", "r1", List.of(Right.PUBLISH), Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(11));

        ApiException e = assertThrows(ApiException.class, () -> verifier.verify(compact));
        assertEquals(401, e.status());
    }

    @Test
    void everyTokenHasItsOwnId() {
        String first = issuer.issue("alice", "r1", List.of(Right.PUBLISH), Duration.ofMinutes(10));
        String second = issuer.issue("alice", "r1", List.of(Right.PUBLISH), Duration.ofMinutes(10));

        assertNotEquals(verifier.verify(first).id(), verifier.verify(second).id());
    }

    @Test
    void refusesWhatWouldMakeAUselessToken() {
        assertThrows(IllegalArgumentException.class, () -> new TokenIssuer("short", clock));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("a", " ", List.of(Right.PUBLISH), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("a", "r1", List.of(), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue("a", "r1", List.of(Right.PUBLISH), Duration.ZERO));
    }
}
