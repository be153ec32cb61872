package dev.sfu.cluster.signaling;

import dev.sfu.cluster.CborSerializable;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * The one cluster-wide topic of signaling events: every member publishes its events here and every member's
 * {@code /ws} subscribers hear them, whichever member the event happened on.
 */
public final class SfuEventTopic {
    public static final String NAME = "sfu-events";

    /** A signaling event on its way through the cluster. */
    public record Published(SignalingEvent event) implements CborSerializable {
    }

    private SfuEventTopic() {
    }

    /** The topic actor; spawn one per member. */
    public static Behavior<Topic.Command<Published>> create() {
        return Topic.create(Published.class, NAME);
    }
}
