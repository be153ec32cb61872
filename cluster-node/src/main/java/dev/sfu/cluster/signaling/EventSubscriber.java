package dev.sfu.cluster.signaling;

import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;

import java.util.function.Consumer;

/**
 * One local listener of the event topic (one {@code /ws} connection): passes on the events of its room, and
 * cluster-wide events (those without a room). {@code room} null: every event.
 */
public final class EventSubscriber {

    public sealed interface Command {
    }

    /** Unsubscribes and stops. */
    public enum Stop implements Command { INSTANCE }

    private record Delivered(SfuEventTopic.Published published) implements Command {
    }

    private EventSubscriber() {
    }

    public static Behavior<Command> create(ActorRef<Topic.Command<SfuEventTopic.Published>> topic, String room,
                                           Consumer<SignalingEvent> listener) {
        return Behaviors.setup(context -> {
            ActorRef<SfuEventTopic.Published> inbox = context.messageAdapter(SfuEventTopic.Published.class, Delivered::new);
            topic.tell(Topic.subscribe(inbox));
            return Behaviors.receive(Command.class)
                    .onMessage(Delivered.class, delivered -> {
                        SignalingEvent event = delivered.published().event();
                        if (room == null || event.room() == null || room.equals(event.room())) {
                            try {
                                listener.accept(event);
                            } catch (RuntimeException e) {
                                context.getLog().warn("event listener failed on {}", event.type(), e);
                            }
                        }
                        return Behaviors.same();
                    })
                    .onMessageEquals(Stop.INSTANCE, () -> {
                        topic.tell(Topic.unsubscribe(inbox));
                        return Behaviors.stopped();
                    })
                    .build();
        });
    }
}
