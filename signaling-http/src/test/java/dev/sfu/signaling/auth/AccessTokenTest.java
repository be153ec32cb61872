package dev.sfu.signaling.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokenTest {
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aRoomTokenCoversOnlyItsRoom() {
        AccessToken token = new AccessToken("id", "alice", "r1", Set.of(Right.SUBSCRIBE), LATER);

        assertTrue(token.covers("r1"));
        assertFalse(token.covers("r2"));
        assertFalse(token.covers(AccessToken.ANY_ROOM), "a room token does not reach every room");
    }

    @Test
    void anEveryRoomTokenCoversAll() {
        AccessToken token = new AccessToken("id", "ops", AccessToken.ANY_ROOM, Set.of(Right.SUBSCRIBE), LATER);

        assertTrue(token.covers("r1"));
        assertTrue(token.covers(AccessToken.ANY_ROOM));
    }

    @Test
    void rightsAreGrantedAsNamedAndAdminHoldsThemAll() {
        AccessToken subscriber = new AccessToken("id", "bob", "r1", Set.of(Right.SUBSCRIBE), LATER);
        AccessToken admin = new AccessToken("id", "root", "r1", Set.of(Right.ADMIN), LATER);
        AccessToken none = new AccessToken("id", "nobody", "r1", Set.of(), LATER);

        assertTrue(subscriber.grantsAnyOf(AccessRule.PARTICIPANT));
        assertFalse(subscriber.grantsAnyOf(AccessRule.PUBLISHER));
        assertTrue(admin.grantsAnyOf(AccessRule.PUBLISHER));
        assertTrue(admin.grantsAnyOf(AccessRule.SUBSCRIBER));
        assertFalse(none.grantsAnyOf(AccessRule.PARTICIPANT));
    }

    @Test
    void onlyTheOpenModeTokenIsUnrestricted() {
        AccessToken everything = new AccessToken("open", "anonymous", AccessToken.ANY_ROOM, EnumSet.allOf(Right.class), Instant.MAX);

        assertTrue(AccessToken.unrestricted().isUnrestricted());
        assertFalse(everything.isUnrestricted(), "a signed token for everything is still a signed token");
    }
}
