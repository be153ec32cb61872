package dev.sfu.signaling.auth;

import java.util.Set;

/** What a request needs from its token: one of {@code anyOf} (admin always does), in every room of {@code rooms}. */
public record AccessRule(Set<Right> anyOf, RoomLookup rooms) {
    public static final Set<Right> PUBLISHER = Set.of(Right.PUBLISH);
    public static final Set<Right> SUBSCRIBER = Set.of(Right.SUBSCRIBE);
    /** Either way of taking part in a room: for requests that serve publishers and subscribers alike. */
    public static final Set<Right> PARTICIPANT = Set.of(Right.PUBLISH, Right.SUBSCRIBE);

    public AccessRule {
        anyOf = Set.copyOf(anyOf);
    }
}
