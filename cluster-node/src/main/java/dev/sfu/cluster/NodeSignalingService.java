package dev.sfu.cluster;

import dev.sfu.cluster.registry.NodeRegistry;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The signaling service of one member. Node list and node events come from the {@link NodeRegistry}; the room,
 * transport, producer and consumer operations are not implemented here yet (they answer 501).
 */
public final class NodeSignalingService implements SignalingService {
    private final ActorSystem<?> system;
    private final NodeSettings settings;
    private final ActorRef<NodeRegistry.Command> registry;
    private final AtomicLong subscriptions = new AtomicLong();

    public NodeSignalingService(ActorSystem<?> system, NodeSettings settings, ActorRef<NodeRegistry.Command> registry) {
        this.system = system;
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public String nodeId() {
        return settings.id();
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
    public AutoCloseable subscribe(String room, Consumer<SignalingEvent> listener) {
        ActorRef<NodeEventForwarder.Command> forwarder = system.systemActorOf(
                NodeEventForwarder.create(registry, listener), "node-events-" + subscriptions.incrementAndGet(),
                Props.empty());
        return () -> forwarder.tell(NodeEventForwarder.Stop.INSTANCE);
    }

    @Override
    public CompletionStage<RtpCapabilities> routerRtpCapabilities(String room) {
        return notImplemented("routerRtpCapabilities");
    }

    @Override
    public CompletionStage<Responses.TransportCreated> createTransport(Requests.CreateTransport request) {
        return notImplemented("createTransport");
    }

    @Override
    public CompletionStage<Void> connectTransport(Requests.ConnectTransport request) {
        return notImplemented("connectTransport");
    }

    @Override
    public CompletionStage<Responses.ProducerCreated> produce(Requests.Produce request) {
        return notImplemented("produce");
    }

    @Override
    public CompletionStage<Responses.ConsumerCreated> consume(Requests.Consume request) {
        return notImplemented("consume");
    }

    @Override
    public CompletionStage<Void> resumeConsumer(String consumerId) {
        return notImplemented("resumeConsumer");
    }

    @Override
    public CompletionStage<Void> pauseConsumer(String consumerId) {
        return notImplemented("pauseConsumer");
    }

    @Override
    public CompletionStage<Void> closeConsumer(String consumerId) {
        return notImplemented("closeConsumer");
    }

    @Override
    public CompletionStage<Void> pauseProducer(String producerId) {
        return notImplemented("pauseProducer");
    }

    @Override
    public CompletionStage<Void> resumeProducer(String producerId) {
        return notImplemented("resumeProducer");
    }

    @Override
    public CompletionStage<Void> closeProducer(String producerId) {
        return notImplemented("closeProducer");
    }

    @Override
    public CompletionStage<Void> closeTransport(String transportId) {
        return notImplemented("closeTransport");
    }

    @Override
    public CompletionStage<List<Responses.StreamInfo>> streams(String room) {
        return notImplemented("streams");
    }

    @Override
    public CompletionStage<Map<String, Object>> stats() {
        return notImplemented("stats");
    }

    @Override
    public CompletionStage<List<Responses.ConnectionInfo>> connections() {
        return notImplemented("connections");
    }

    private static <T> CompletionStage<T> notImplemented(String operation) {
        return CompletableFuture.failedFuture(new ApiException(501, "not implemented yet: " + operation));
    }
}
