package dev.sfu.signaling.auth;

import dev.sfu.signaling.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsATokenForTheRoomAndRights() {
        int status = run(Map.of(), "--room", "r1", "--publish", "--subscribe", "--ttl", "30m",
                "--subject", "bob", "--secret", TestTokens.SECRET);

        assertEquals(0, status, text(err));
        AccessToken token = verify(text(out).trim());
        assertEquals("r1", token.room());
        assertEquals("bob", token.subject());
        assertEquals(Set.of(Right.PUBLISH, Right.SUBSCRIBE), token.rights());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), token.expiresAt());
    }

    @Test
    void takesTheSecretFromTheEnvironmentAndDefaultsToOneHour() {
        int status = run(Map.of(TokenCommand.SECRET_ENV, TestTokens.SECRET), "--room", "*", "--admin");

        assertEquals(0, status, text(err));
        AccessToken token = verify(text(out).trim());
        assertEquals("*", token.room());
        assertEquals(Set.of(Right.ADMIN), token.rights());
        assertEquals(NOW.plus(Duration.ofHours(1)), token.expiresAt());
    }

    @Test
    void usageErrorsExplainThemselves() {
        assertEquals(2, run(Map.of(), "--publish", "--secret", TestTokens.SECRET));
        assertTrue(text(err).contains("--room is required"), text(err));

        assertEquals(2, run(Map.of(), "--room", "r1", "--secret", TestTokens.SECRET));
        assertTrue(text(err).contains("at least one of"), text(err));

        assertEquals(2, run(Map.of(), "--room", "r1", "--publish"));
        assertTrue(text(err).contains("no secret"), text(err));

        assertEquals(2, run(Map.of(), "--room", "r1", "--publish", "--secret", "short"));
        assertTrue(text(err).contains("at least 32 bytes"), text(err));

        assertEquals(2, run(Map.of(), "--room", "r1", "--publish", "--ttl", "soon", "--secret", TestTokens.SECRET));
        assertTrue(text(err).contains("invalid duration 'soon'"), text(err));

        assertEquals(2, run(Map.of(), "--room"));
        assertTrue(text(err).contains("--room needs a value"), text(err));

        assertEquals(2, run(Map.of(), "--frobnicate"));
        assertTrue(text(err).contains("unknown argument '--frobnicate'"), text(err));
        assertEquals("", text(out), "nothing that looks like a token is printed on an error");
    }

    @Test
    void durationsInShortOrIsoForm() {
        assertEquals(Duration.ofSeconds(90), TokenCommand.parseDuration("90s"));
        assertEquals(Duration.ofMinutes(30), TokenCommand.parseDuration("30m"));
        assertEquals(Duration.ofHours(1), TokenCommand.parseDuration("1h"));
        assertEquals(Duration.ofDays(7), TokenCommand.parseDuration("7d"));
        assertEquals(Duration.ofMinutes(90), TokenCommand.parseDuration("PT1H30M"));
        assertThrows(IllegalArgumentException.class, () -> TokenCommand.parseDuration("1 week"));
    }

    private int run(Map<String, String> env, String... args) {
        return TokenCommand.run(args, env, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private AccessToken verify(String token) {
        return new TokenVerifier(AuthSettings.hs256(TestTokens.SECRET), clock).verify(token);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
