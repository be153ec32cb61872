package dev.sfu.bench.load;

import java.util.Locale;

/** The named load scenarios and their defaults (options override any of them). */
enum Scenario {
    /** One publisher, N subscribers on its member; with a ramp: consumer streams per core. */
    FANOUT(1, 50, Placement.SAME, 0),
    /** As fanout, subscribers on the other members: every stream is piped. */
    FANOUT_CROSS(1, 50, Placement.OTHER, 0),
    /** Ten publishers, ten subscribers each receiving all of them. */
    MEETING(10, 10, Placement.SAME, 0),
    /** Two hundred subscribers joining within ten seconds: signaling and first-packet latency. */
    JOIN_STORM(1, 200, Placement.SAME, 10);

    final int publishers;
    final int subscribers;
    final Placement placement;
    final double joinSpreadSeconds;

    Scenario(int publishers, int subscribers, Placement placement, double joinSpreadSeconds) {
        this.publishers = publishers;
        this.subscribers = subscribers;
        this.placement = placement;
        this.joinSpreadSeconds = joinSpreadSeconds;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Scenario parse(String s) {
        for (Scenario scenario : values()) {
            if (scenario.wireName().equals(s)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + s + "' (fanout, fanout-cross, meeting, join-storm)");
    }
}
