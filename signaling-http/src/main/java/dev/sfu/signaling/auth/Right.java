package dev.sfu.signaling.auth;

import java.util.Optional;

/** What an access token lets its holder do in the room(s) it names. */
public enum Right {
    /** Send media: create send transports, produce, pause/resume/close own producers. */
    PUBLISH("publish"),
    /** Receive media: create receive transports, consume, pause/resume/close consumers. */
    SUBSCRIBE("subscribe"),
    /** Everything in the token's room(s), including room management. */
    ADMIN("admin");

    private final String wireName;

    Right(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the token's {@code rights} claim. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Right> fromWireName(String name) {
        for (Right right : values()) {
            if (right.wireName.equals(name)) {
                return Optional.of(right);
            }
        }
        return Optional.empty();
    }
}
