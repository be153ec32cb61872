package dev.sfu.bench.load;

import java.util.Locale;

/** Where subscribers' receive transports go, relative to the (first) publisher's member. */
enum Placement {
    /** On the publisher's member: no pipe involved. */
    SAME,
    /** On the other members (round robin): every stream crosses a pipe. */
    OTHER,
    /** No member chosen: requests go round robin to every target with the producer as placement hint. */
    AUTO;

    static Placement parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--placement must be same, other or auto, not '" + s + "'");
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
