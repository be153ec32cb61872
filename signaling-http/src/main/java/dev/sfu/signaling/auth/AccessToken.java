package dev.sfu.signaling.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The verified claims of a bearer token: who holds it, which room it is for ({@value #ANY_ROOM} for every room),
 * what it allows there, and until when.
 *
 * @param id a stable name of this very token, to count its requests (its {@code jti}, else its signature)
 */
public record AccessToken(String id, String subject, String room, Set<Right> rights, Instant expiresAt) {
    /** The room claim of a token valid in every room; also what a request for "every room" asks for. */
    public static final String ANY_ROOM = "*";

    private static final AccessToken UNRESTRICTED =
            new AccessToken("open", "anonymous", ANY_ROOM, EnumSet.allOf(Right.class), Instant.MAX);

    public AccessToken {
        rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
    }

    /** What every request carries when no signing key is configured (open mode). */
    public static AccessToken unrestricted() {
        return UNRESTRICTED;
    }

    public boolean isUnrestricted() {
        return this == UNRESTRICTED;
    }

    /** Whether the token reaches {@code room}; only a token for every room reaches {@value #ANY_ROOM}. */
    public boolean covers(String room) {
        return ANY_ROOM.equals(this.room) || this.room.equals(room);
    }

    /** Whether the token holds one of {@code anyOf}; admin holds them all. */
    public boolean grantsAnyOf(Collection<Right> anyOf) {
        return rights.contains(Right.ADMIN) || anyOf.stream().anyMatch(rights::contains);
    }
}
