package dev.sfu.cluster;

import dev.sfu.cluster.registry.NodeEvent;
import dev.sfu.cluster.registry.NodeRegistry;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.Map;
import java.util.function.Consumer;

/** One event subscription: turns the registry's node events into nodeUp/nodeDown signaling events for a listener. */
final class NodeEventForwarder {

    sealed interface Command {
    }

    private record Forward(NodeEvent event) implements Command {
    }

    enum Stop implements Command {
        INSTANCE
    }

    private NodeEventForwarder() {
    }

    static Behavior<Command> create(ActorRef<NodeRegistry.Command> registry, Consumer<SignalingEvent> listener) {
        return Behaviors.setup(context -> {
            ActorRef<NodeEvent> events = context.messageAdapter(NodeEvent.class, Forward::new);
            registry.tell(new NodeRegistry.Subscribe(events));
            return Behaviors.receive(Command.class)
                    .onMessage(Forward.class, forward -> {
                        try {
                            listener.accept(toSignalingEvent(forward.event()));
                        } catch (RuntimeException e) {
                            context.getLog().warn("event listener failed", e);
                        }
                        return Behaviors.same();
                    })
                    .onMessage(Stop.class, stop -> Behaviors.stopped())
                    .onSignal(PostStop.class, signal -> {
                        registry.tell(new NodeRegistry.Unsubscribe(events));
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    static SignalingEvent toSignalingEvent(NodeEvent event) {
        String type = event instanceof NodeEvent.NodeUp ? "nodeUp" : "nodeDown";
        NodeInfo node = event.node();
        return new SignalingEvent(type, null, node.id(), System.currentTimeMillis(),
                Map.of("status", node.status(), "httpUrl", node.httpUrl()));
    }
}
