package dev.sfu.cluster;

import dev.sfu.cluster.registry.NodeRegistry;
import dev.sfu.cluster.signaling.MemberView;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The cluster membership as this member's {@link NodeRegistry} sees it: the node list and nodeUp/nodeDown events. */
public final class RegistryMemberView implements MemberView {
    private final ActorSystem<?> system;
    private final NodeSettings settings;
    private final ActorRef<NodeRegistry.Command> registry;
    private final AtomicLong subscriptions = new AtomicLong();

    public RegistryMemberView(ActorSystem<?> system, NodeSettings settings, ActorRef<NodeRegistry.Command> registry) {
        this.system = system;
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public CompletionStage<List<NodeInfo>> nodes() {
        CompletionStage<NodeRegistry.Nodes> reply = AskPattern.ask(registry, NodeRegistry.GetNodes::new,
                settings.askTimeout(), system.scheduler());
        return reply.handle((nodes, failure) -> {
            if (failure == null) {
                return nodes.nodes();
            }
            if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
                throw ApiException.unavailable("node registry did not answer within " + settings.askTimeout());
            }
            throw new IllegalStateException("node registry failed", failure);
        });
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignalingEvent> listener) {
        ActorRef<NodeEventForwarder.Command> forwarder = system.systemActorOf(
                NodeEventForwarder.create(registry, listener), "node-events-" + subscriptions.incrementAndGet(),
                Props.empty());
        return () -> forwarder.tell(NodeEventForwarder.Stop.INSTANCE);
    }
}
