package dev.sfu.cluster.media;

import dev.sfu.cluster.CborSerializable;
import dev.sfu.cluster.signaling.SfuEventTopic;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.OrtcException;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One per member: owns this member's media objects (through {@link LocalMedia}, on the media thread) and answers
 * requests about them from any member. It registers with the Receptionist under {@link #SERVICE_KEY}, spawned with
 * the name {@link #actorName(String)} so that {@link MediaNodeDirectory} can tell whose it is.
 *
 * <p>Engine work is submitted to the media thread and its result piped back to this actor, which replies and then
 * does the cluster side: registers producers with their {@link ProducerEntity} and publishes events.
 */
public final class MediaNode extends AbstractBehavior<MediaNode.Command> {

    public static final ServiceKey<Command> SERVICE_KEY = ServiceKey.create(Command.class, "sfu-media-node");
    private static final Logger LOG = LoggerFactory.getLogger(MediaNode.class);
    private static final String NAME_PREFIX = "media-node-";
    private static final Duration LOAD_INTERVAL = Duration.ofSeconds(1);

    /** The name to spawn the MediaNode of member {@code nodeId} with. */
    public static String actorName(String nodeId) {
        return NAME_PREFIX + MediaIds.requireValidNodeId(nodeId);
    }

    /** The member id encoded in a MediaNode's actor name, or null for an actor not named by {@link #actorName}. */
    static String nodeIdOf(ActorRef<?> mediaNode) {
        String name = mediaNode.path().name();
        if (!name.startsWith(NAME_PREFIX)) return null;
        String nodeId = name.substring(NAME_PREFIX.length());
        return MediaIds.isValidNodeId(nodeId) ? nodeId : null;
    }

    // ---- protocol

    public sealed interface Command extends CborSerializable {
    }

    public record GetRouterRtpCapabilities(String room, ActorRef<CapabilitiesReply> replyTo) implements Command {
    }

    /** {@code direction} is "send" or "recv" (checked by the caller). */
    public record CreateTransport(String room, String direction, ActorRef<TransportReply> replyTo) implements Command {
    }

    public record ConnectTransport(String transportId, DtlsParameters dtlsParameters, ActorRef<Ack> replyTo)
            implements Command {
    }

    public record CloseTransport(String transportId, ActorRef<Ack> replyTo) implements Command {
    }

    public record Produce(String transportId, String kind, RtpParameters rtpParameters, ActorRef<ProducerReply> replyTo)
            implements Command {
    }

    public record Consume(String transportId, String producerId, RtpCapabilities rtpCapabilities,
                          ActorRef<ConsumerReply> replyTo) implements Command {
    }

    public enum Action { PAUSE, RESUME, CLOSE }

    public record ActOnProducer(String producerId, Action action, ActorRef<Ack> replyTo) implements Command {
    }

    public record ActOnConsumer(String consumerId, Action action, ActorRef<Ack> replyTo) implements Command {
    }

    public record ListConnections(ActorRef<ConnectionsReply> replyTo) implements Command {
    }

    /** {@code room} null: every room. */
    public record ListStreams(String room, ActorRef<StreamsReply> replyTo) implements Command {
    }

    /** The room of a transport, producer or consumer of this member (for access checks). */
    public record GetRoomOf(String id, ActorRef<RoomReply> replyTo) implements Command {
    }

    public record GetStats(ActorRef<StatsReply> replyTo) implements Command {
    }

    /** Time to refresh the load the node registry reads. */
    private enum UpdateLoad implements Command { INSTANCE }

    /** Engine work finished: run the rest of the request on the actor's thread. */
    private record WorkDone(Runnable rest) implements Command {
    }

    private record TransportGone(String room, String transportId, String reason) implements Command {
    }

    private record ProducerGone(String room, String producerId) implements Command {
    }

    private record ConsumerGone(String room, String consumerId, String producerId, String reason) implements Command {
    }

    // ---- replies: a value or the refusal; exceptions do not cross the cluster

    /** A reply that may carry a refusal instead of a value. */
    public interface Reply extends CborSerializable {
        Refusal refusal();
    }

    public record CapabilitiesReply(RtpCapabilities rtpCapabilities, Refusal refusal) implements Reply {
    }

    public record TransportReply(TransportCreated transport, Refusal refusal) implements Reply {
    }

    public record ProducerReply(ProducerCreated producer, Refusal refusal) implements Reply {
    }

    public record ConsumerReply(ConsumerCreated consumer, Refusal refusal) implements Reply {
    }

    public record Ack(Refusal refusal) implements Reply {
    }

    public record ConnectionsReply(List<ConnectionInfo> connections) implements CborSerializable {
    }

    public record StreamsReply(List<StreamInfo> streams) implements CborSerializable {
    }

    /** Local only: the stats tree holds the engine's own stats objects. */
    public record RoomReply(String room, Refusal refusal) implements Reply {
    }

    public record StatsReply(Map<String, Object> stats, Refusal refusal) implements Reply {
    }

    public static Behavior<Command> create(String nodeId, MediaEngine engine,
                                           ActorRef<Topic.Command<SfuEventTopic.Published>> events,
                                           ProducerLocator producers, MediaLoad load) {
        // Resume on an unexpected failure: restarting would forget this member's media objects.
        return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.withTimers(timers -> {
                    timers.startTimerAtFixedRate(UpdateLoad.INSTANCE, LOAD_INTERVAL);
                    return new MediaNode(context, nodeId, engine, events, producers, load);
                })))
                .onFailure(SupervisorStrategy.resume());
    }

    // passed by argument
    private final String nodeId;
    private final MediaEngine engine;
    private final ActorRef<Topic.Command<SfuEventTopic.Published>> events;
    private final ProducerLocator producers;
    // owned by this; touched only on the media thread
    private final LocalMedia media;
    private final ClusterSharding sharding;

    private MediaNode(ActorContext<Command> context, String nodeId, MediaEngine engine,
                      ActorRef<Topic.Command<SfuEventTopic.Published>> events, ProducerLocator producers,
                      MediaLoad load) {
        super(context);
        this.nodeId = MediaIds.requireValidNodeId(nodeId);
        this.engine = engine;
        this.events = events;
        this.producers = producers;
        this.sharding = ClusterSharding.get(context.getSystem());
        ActorRef<Command> self = context.getSelf();
        this.media = new LocalMedia(engine, nodeId, new LocalMedia.Listener() {
            @Override
            public void transportClosed(String room, String transportId, String reason) {
                self.tell(new TransportGone(room, transportId, reason));
            }

            @Override
            public void producerClosed(String room, String producerId) {
                self.tell(new ProducerGone(room, producerId));
            }

            @Override
            public void consumerClosed(String room, String consumerId, String producerId, String reason) {
                self.tell(new ConsumerGone(room, consumerId, producerId, reason));
            }
        }, load);
        context.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, context.getSelf()));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(GetRouterRtpCapabilities.class, this::onGetRouterRtpCapabilities)
                .onMessage(CreateTransport.class, this::onCreateTransport)
                .onMessage(ConnectTransport.class, this::onConnectTransport)
                .onMessage(CloseTransport.class, this::onCloseTransport)
                .onMessage(Produce.class, this::onProduce)
                .onMessage(Consume.class, this::onConsume)
                .onMessage(ActOnProducer.class, this::onActOnProducer)
                .onMessage(ActOnConsumer.class, this::onActOnConsumer)
                .onMessage(ListConnections.class, this::onListConnections)
                .onMessage(ListStreams.class, this::onListStreams)
                .onMessage(GetStats.class, this::onGetStats)
                .onMessage(GetRoomOf.class, this::onGetRoomOf)
                .onMessage(WorkDone.class, this::onWorkDone)
                .onMessageEquals(UpdateLoad.INSTANCE, this::onUpdateLoad)
                .onMessage(TransportGone.class, this::onTransportGone)
                .onMessage(ProducerGone.class, this::onProducerGone)
                .onMessage(ConsumerGone.class, this::onConsumerGone)
                .build();
    }

    // ---- requests

    private Behavior<Command> onGetRouterRtpCapabilities(GetRouterRtpCapabilities request) {
        onMediaThread(() -> media.routerRtpCapabilities(request.room()), request.replyTo(),
                caps -> new CapabilitiesReply(caps, null), refusal -> new CapabilitiesReply(null, refusal));
        return this;
    }

    private Behavior<Command> onGetRoomOf(GetRoomOf request) {
        onMediaThread(() -> media.roomOf(request.id()), request.replyTo(),
                room -> new RoomReply(room, null), refusal -> new RoomReply(null, refusal));
        return this;
    }

    private Behavior<Command> onCreateTransport(CreateTransport request) {
        String transportId = MediaIds.newId(nodeId);
        onMediaThread(() -> media.createTransport(transportId, request.room(), request.direction()), request.replyTo(),
                created -> new TransportReply(created, null), refusal -> new TransportReply(null, refusal));
        return this;
    }

    private Behavior<Command> onConnectTransport(ConnectTransport request) {
        onMediaThread(() -> {
            media.connectTransport(request.transportId(), request.dtlsParameters());
            return true;
        }, request.replyTo(), ok -> new Ack(null), Ack::new);
        return this;
    }

    private Behavior<Command> onCloseTransport(CloseTransport request) {
        onMediaThread(() -> {
            media.closeTransport(request.transportId());
            return true;
        }, request.replyTo(), ok -> new Ack(null), Ack::new);
        return this;
    }

    private Behavior<Command> onProduce(Produce request) {
        MediaKind kind;
        try {
            kind = MediaKind.fromWire(request.kind());
            Ortc.validateRtpParameters(request.rtpParameters());
        } catch (IllegalArgumentException | OrtcException e) {
            request.replyTo().tell(new ProducerReply(null, new Refusal(400, e.getMessage())));
            return this;
        }
        String producerId = MediaIds.newId(nodeId);
        CompletionStage<ProducerRecord> work =
                submit(() -> media.produce(producerId, request.transportId(), kind, request.rtpParameters()));
        getContext().pipeToSelf(work, (record, failure) -> new WorkDone(() -> {
            if (failure != null) {
                request.replyTo().tell(new ProducerReply(null, refusal(failure, "produce")));
                return;
            }
            producerEntity(producerId).tell(new ProducerEntity.Register(record, getContext().getSystem().ignoreRef()));
            request.replyTo().tell(new ProducerReply(new ProducerCreated(producerId, nodeId), null));
            publish("newProducer", record.room(), Map.of("producerId", producerId, "kind", record.kind(),
                    "transportId", request.transportId(), "paused", record.paused()));
        }));
        return this;
    }

    private Behavior<Command> onConsume(Consume request) {
        try {
            Ortc.validateRtpCapabilities(request.rtpCapabilities());
        } catch (OrtcException e) {
            request.replyTo().tell(new ConsumerReply(null, new Refusal(400, e.getMessage())));
            return this;
        }
        String producerHome = MediaIds.homeNode(request.producerId()).orElse(null);
        if (producerHome == null) {
            request.replyTo().tell(new ConsumerReply(null,
                    new Refusal(404, "unknown producer id '" + request.producerId() + "'")));
            return this;
        }
        if (!producerHome.equals(nodeId)) {
            consumeFromAnotherMember(request, producerHome);
            return this;
        }
        String consumerId = MediaIds.newId(nodeId);
        onMediaThread(() -> media.consume(consumerId, request.transportId(), request.producerId(),
                        request.rtpCapabilities()), request.replyTo(),
                created -> new ConsumerReply(created, null), refusal -> new ConsumerReply(null, refusal));
        return this;
    }

    /**
     * The producer lives on another member. TODO(issue 5): pipe it from its home member into this member's router
     * (the home's MediaNode creates a pipe transport, the ProducerEntity records the pipe), then consume locally.
     */
    private void consumeFromAnotherMember(Consume request, String producerHome) {
        getContext().pipeToSelf(producers.locate(request.producerId()), (found, failure) -> new WorkDone(() -> {
            Refusal refusal;
            if (failure != null) {
                refusal = new Refusal(503, "could not locate producer '" + request.producerId() + "': " + failure);
            } else if (found.isEmpty()) {
                refusal = new Refusal(404, "unknown producer id '" + request.producerId() + "'");
            } else {
                refusal = new Refusal(501, "cross-member consume not available yet (producer '"
                        + request.producerId() + "' lives on '" + producerHome + "', the transport on '" + nodeId + "')");
            }
            request.replyTo().tell(new ConsumerReply(null, refusal));
        }));
    }

    private Behavior<Command> onActOnProducer(ActOnProducer request) {
        String producerId = request.producerId();
        switch (request.action()) {
            case PAUSE -> onMediaThread(() -> media.pauseProducer(producerId), request.replyTo(), room -> {
                producerEntity(producerId).tell(new ProducerEntity.SetPaused(true, getContext().getSystem().ignoreRef()));
                publish("producerPaused", room, Map.of("producerId", producerId));
                return new Ack(null);
            }, Ack::new);
            case RESUME -> onMediaThread(() -> media.resumeProducer(producerId), request.replyTo(), room -> {
                producerEntity(producerId).tell(new ProducerEntity.SetPaused(false, getContext().getSystem().ignoreRef()));
                publish("producerResumed", room, Map.of("producerId", producerId));
                return new Ack(null);
            }, Ack::new);
            // producerClosed is published when LocalMedia reports the producer gone (ProducerGone)
            case CLOSE -> onMediaThread(() -> {
                media.closeProducer(producerId);
                return true;
            }, request.replyTo(), ok -> new Ack(null), Ack::new);
        }
        return this;
    }

    private Behavior<Command> onActOnConsumer(ActOnConsumer request) {
        String consumerId = request.consumerId();
        onMediaThread(() -> {
            switch (request.action()) {
                case PAUSE -> media.pauseConsumer(consumerId);
                case RESUME -> media.resumeConsumer(consumerId);
                case CLOSE -> media.closeConsumer(consumerId);
            }
            return true;
        }, request.replyTo(), ok -> new Ack(null), Ack::new);
        return this;
    }

    private Behavior<Command> onListConnections(ListConnections request) {
        onMediaThread(media::connections, request.replyTo(), ConnectionsReply::new, refusal -> new ConnectionsReply(List.of()));
        return this;
    }

    private Behavior<Command> onListStreams(ListStreams request) {
        onMediaThread(() -> media.streams(request.room()), request.replyTo(), StreamsReply::new,
                refusal -> new StreamsReply(List.of()));
        return this;
    }

    private Behavior<Command> onGetStats(GetStats request) {
        onMediaThread(media::stats, request.replyTo(), stats -> new StatsReply(stats, null),
                refusal -> new StatsReply(null, refusal));
        return this;
    }

    private Behavior<Command> onUpdateLoad() {
        submit(() -> {
            media.updateLoad();
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) LOG.warn("load update failed on {}: {}", nodeId, failure.toString());
        });
        return this;
    }

    private Behavior<Command> onWorkDone(WorkDone done) {
        done.rest().run();
        return this;
    }

    // ---- objects that closed (reported from the media thread)

    private Behavior<Command> onTransportGone(TransportGone gone) {
        publish("transportClosed", gone.room(), Map.of("transportId", gone.transportId(), "reason", gone.reason()));
        return this;
    }

    private Behavior<Command> onProducerGone(ProducerGone gone) {
        producerEntity(gone.producerId()).tell(new ProducerEntity.Close(getContext().getSystem().ignoreRef()));
        publish("producerClosed", gone.room(), Map.of("producerId", gone.producerId()));
        return this;
    }

    private Behavior<Command> onConsumerGone(ConsumerGone gone) {
        publish("consumerClosed", gone.room(), Map.of("consumerId", gone.consumerId(),
                "producerId", gone.producerId(), "reason", gone.reason()));
        return this;
    }

    // ---- helpers

    /**
     * Runs {@code work} on the media thread, then (on this actor's thread) replies with {@code ok} of its result,
     * or with {@code refused} of the refusal it failed with.
     */
    private <T, R> void onMediaThread(Callable<T> work, ActorRef<R> replyTo,
                                      Function<T, R> ok, Function<Refusal, R> refused) {
        CompletionStage<T> future = submit(work);
        getContext().pipeToSelf(future, (value, failure) -> new WorkDone(() ->
                replyTo.tell(failure == null ? ok.apply(value) : refused.apply(refusal(failure, "request")))));
    }

    /** Runs {@code work} on the media thread; an engine that refuses the task yields a failed stage, not a crash. */
    private <T> CompletionStage<T> submit(Callable<T> work) {
        try {
            return engine.submit(work);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Refusal refusal(Throwable failure, String what) {
        if (!Refusal.isExpected(failure)) getContext().getLog().error("{} failed on member {}", what, nodeId, failure);
        return Refusal.of(failure);
    }

    private EntityRef<ProducerEntity.Command> producerEntity(String producerId) {
        return sharding.entityRefFor(ProducerEntity.TYPE_KEY, producerId);
    }

    private void publish(String type, String room, Map<String, Object> data) {
        SignalingEvent event = new SignalingEvent(type, room, nodeId, System.currentTimeMillis(), data);
        events.tell(Topic.publish(new SfuEventTopic.Published(event)));
    }
}
