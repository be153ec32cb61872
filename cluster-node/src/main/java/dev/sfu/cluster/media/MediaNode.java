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
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Pipes (docs/ARCHITECTURE.md, "Pipes"): a consume of another member's producer pipes a copy of it in through
 * the producer's entity ({@link IncomingPipe} queues the requests meanwhile) and consumes the copy; an unused copy
 * is released after {@code sfu.pipe.release-grace}. As a home, the MediaNode opens pipes the entities ask for and
 * reports its producers to an entity that lost its state. It death-watches the MediaNodes it pipes to and from.
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

    /** {@code streamKey}: the publisher's name for the stream across republishing (may be null). */
    public record Produce(String transportId, String kind, RtpParameters rtpParameters, String streamKey,
                          ActorRef<ProducerReply> replyTo) implements Command {

        public Produce(String transportId, String kind, RtpParameters rtpParameters, ActorRef<ProducerReply> replyTo) {
            this(transportId, kind, rtpParameters, null, replyTo);
        }
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

    // ---- rooms (room management, asked of every member)

    public record ListRooms(ActorRef<RoomsReply> replyTo) implements Command {
    }

    /** Creates the room here and keeps it while empty. */
    public record CreateRoom(String room, ActorRef<RoomCreatedReply> replyTo) implements Command {
    }

    /** Closes every transport, producer and consumer of the room here. */
    public record CloseRoom(String room, ActorRef<RoomClosedReply> replyTo) implements Command {
    }

    // ---- pipes, from a ProducerEntity to the producer's home

    /** Pipe the producer to {@code member}, whose pipes arrive from {@code mediaAddress} ("ip:port"). */
    public record OpenPipe(String producerId, String member, String mediaAddress,
                           ActorRef<Command> memberMediaNode, ActorRef<PipeOpened> replyTo) implements Command {
    }

    /** {@code member} no longer wants the producer (idempotent). */
    public record ClosePipe(String producerId, String member) implements Command {
    }

    /** An entity that lost its state asks the home for it. */
    public record ReportProducer(String producerId, ActorRef<ProducerReport> replyTo) implements Command {
    }

    // ---- pipes, from a ProducerEntity to a member holding (or wanting) a copy

    /** The answer to the entity's {@code RequestPipe}: the offer (with the home's MediaNode) or the refusal. */
    public record PipeOffered(String producerId, PipeOffer offer, ActorRef<Command> home, Refusal refusal)
            implements Command {
    }

    public record SetPipeProducerPaused(String producerId, boolean paused) implements Command {
    }

    public record ClosePipeProducer(String producerId) implements Command {
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

    private record PipeProducerGone(String room, String producerId, String home, String reason) implements Command {
    }

    private record PipeConsumerGone(String room, String producerId, String member) implements Command {
    }

    private record PipeRequestTimedOut(String producerId, long attempt) implements Command {
    }

    private record ReleaseIfUnused(String producerId) implements Command {
    }

    /** The MediaNode of member {@code nodeId} stopped: that member left the cluster. */
    private record MemberGone(String nodeId) implements Command {
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

    /** This member's own streams, and how many consumers here consume each stream piped in from elsewhere. */
    public record StreamsReply(List<StreamInfo> streams, Map<String, Integer> pipedInConsumers)
            implements CborSerializable {
    }

    public record PipeOpened(PipeOffer offer, Refusal refusal) implements Reply {
    }

    /** {@code producer} is null when the home has no producer of that id. */
    public record ProducerReport(ProducerRecord producer, List<PipedMember> pipedTo) implements CborSerializable {
    }

    /** Local only: the stats tree holds the engine's own stats objects. */
    public record RoomReply(String room, Refusal refusal) implements Reply {
    }

    public record StatsReply(Map<String, Object> stats, Refusal refusal) implements Reply {
    }

    public record RoomsReply(List<RoomSummary> rooms) implements CborSerializable {
    }

    /** {@code created} is false when the room was created here already. */
    public record RoomCreatedReply(boolean created, Refusal refusal) implements Reply {
    }

    /** {@code closed} is what was closed here, null when this member did not hold the room. */
    public record RoomClosedReply(RoomSummary closed, Refusal refusal) implements Reply {
    }

    public static Behavior<Command> create(String nodeId, MediaEngine engine,
                                           ActorRef<Topic.Command<SfuEventTopic.Published>> events,
                                           MediaLoad load, PipeSettings pipeSettings) {
        // Resume on an unexpected failure: restarting would forget this member's media objects.
        return Behaviors.supervise(Behaviors.<Command>setup(context -> Behaviors.withTimers(timers -> {
                    timers.startTimerAtFixedRate(UpdateLoad.INSTANCE, LOAD_INTERVAL);
                    return new MediaNode(context, timers, nodeId, engine, events, load, pipeSettings);
                })))
                .onFailure(SupervisorStrategy.resume());
    }

    // passed by argument
    private final String nodeId;
    private final MediaEngine engine;
    private final ActorRef<Topic.Command<SfuEventTopic.Published>> events;
    private final PipeSettings pipeSettings;
    private final TimerScheduler<Command> timers;
    // owned by this; touched only on the media thread
    private final LocalMedia media;
    // owned by this; actor state
    private final ClusterSharding sharding;
    /** This member's producers piped elsewhere: producer id → member → that member's MediaNode. */
    private final Map<String, Map<String, ActorRef<Command>>> pipesOut = new HashMap<>();
    // producer id -> the stream key its publisher gave (appData.streamKey), for newProducer and the listing
    private final Map<String, String> streamKeys = new HashMap<>();
    /** Other members' producers piped in here (or being piped in), by producer id. */
    private final Map<String, IncomingPipe> pipesIn = new HashMap<>();
    /** Other members' MediaNodes watched so that pipes to and from a member that left are closed. */
    private final Set<ActorRef<Command>> watched = new HashSet<>();

    private MediaNode(ActorContext<Command> context, TimerScheduler<Command> timers, String nodeId, MediaEngine engine,
                      ActorRef<Topic.Command<SfuEventTopic.Published>> events,
                      MediaLoad load, PipeSettings pipeSettings) {
        super(context);
        this.nodeId = MediaIds.requireValidNodeId(nodeId);
        this.engine = engine;
        this.events = events;
        this.pipeSettings = pipeSettings;
        this.timers = timers;
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

            @Override
            public void pipeProducerClosed(String room, String producerId, String home, String reason) {
                self.tell(new PipeProducerGone(room, producerId, home, reason));
            }

            @Override
            public void pipeConsumerClosed(String room, String producerId, String member) {
                self.tell(new PipeConsumerGone(room, producerId, member));
            }
        }, load, pipeSettings);
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
                .onMessage(ListRooms.class, this::onListRooms)
                .onMessage(CreateRoom.class, this::onCreateRoom)
                .onMessage(CloseRoom.class, this::onCloseRoom)
                .onMessage(WorkDone.class, this::onWorkDone)
                .onMessageEquals(UpdateLoad.INSTANCE, this::onUpdateLoad)
                .onMessage(TransportGone.class, this::onTransportGone)
                .onMessage(ProducerGone.class, this::onProducerGone)
                .onMessage(ConsumerGone.class, this::onConsumerGone)
                .onMessage(OpenPipe.class, this::onOpenPipe)
                .onMessage(ClosePipe.class, this::onClosePipe)
                .onMessage(ReportProducer.class, this::onReportProducer)
                .onMessage(PipeOffered.class, this::onPipeOffered)
                .onMessage(SetPipeProducerPaused.class, this::onSetPipeProducerPaused)
                .onMessage(ClosePipeProducer.class, this::onClosePipeProducer)
                .onMessage(PipeProducerGone.class, this::onPipeProducerGone)
                .onMessage(PipeConsumerGone.class, this::onPipeConsumerGone)
                .onMessage(PipeRequestTimedOut.class, this::onPipeRequestTimedOut)
                .onMessage(ReleaseIfUnused.class, this::onReleaseIfUnused)
                .onMessage(MemberGone.class, this::onMemberGone)
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
            producerEntity(producerId).tell(new ProducerEntity.Register(record, getContext().getSelf(), List.of(),
                    getContext().getSystem().ignoreRef()));
            request.replyTo().tell(new ProducerReply(new ProducerCreated(producerId, nodeId), null));
            Map<String, Object> data = new HashMap<>(Map.of("producerId", producerId, "kind", record.kind(),
                    "transportId", request.transportId(), "paused", record.paused()));
            if (request.streamKey() != null) {
                streamKeys.put(producerId, request.streamKey());
                data.put("streamKey", request.streamKey());
            }
            publish("newProducer", record.room(), data);
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
        consumeHere(request);
        return this;
    }

    /** Consumes a producer this member holds: its own, or a copy piped in from its home. */
    private void consumeHere(Consume request) {
        String consumerId = MediaIds.newId(nodeId);
        onMediaThread(() -> media.consume(consumerId, request.transportId(), request.producerId(),
                        request.rtpCapabilities()), request.replyTo(),
                created -> new ConsumerReply(created, null), refusal -> new ConsumerReply(null, refusal));
    }

    /**
     * The producer lives on another member: consume its copy here, piping it in first when there is none. Requests
     * that arrive while the pipe is being set up wait for it, so concurrent consumers share one pipe.
     */
    private void consumeFromAnotherMember(Consume request, String producerHome) {
        CompletionStage<String> room = submit(() -> media.recvTransportRoom(request.transportId()));
        getContext().pipeToSelf(room, (transportRoom, failure) -> new WorkDone(() -> {
            if (failure != null) {
                request.replyTo().tell(new ConsumerReply(null, refusal(failure, "consume")));
                return;
            }
            IncomingPipe pipe = pipesIn.get(request.producerId());
            if (pipe != null && pipe.state() == IncomingPipe.State.READY) {
                consumeHere(request);
                return;
            }
            if (pipe == null) {
                pipe = new IncomingPipe(request.producerId(), producerHome, transportRoom);
                pipesIn.put(pipe.producerId(), pipe);
                requestPipe(pipe);
            }
            pipe.await(request);
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
        onMediaThread(() -> new StreamsReply(media.streams(request.room()), media.pipedInConsumers(request.room())),
                request.replyTo(), this::withStreamKeys, refusal -> new StreamsReply(List.of(), Map.of()));
        return this;
    }

    /** The listing with each stream's key (kept here, on the actor, rather than in the media engine). */
    private StreamsReply withStreamKeys(StreamsReply reply) {
        List<StreamInfo> streams = reply.streams().stream()
                .map(stream -> stream.withStreamKey(streamKeys.get(stream.producerId())))
                .toList();
        return new StreamsReply(streams, reply.pipedInConsumers());
    }

    private Behavior<Command> onGetStats(GetStats request) {
        onMediaThread(media::stats, request.replyTo(), stats -> new StatsReply(stats, null),
                refusal -> new StatsReply(null, refusal));
        return this;
    }

    private Behavior<Command> onListRooms(ListRooms request) {
        onMediaThread(media::rooms, request.replyTo(), RoomsReply::new, refusal -> new RoomsReply(List.of()));
        return this;
    }

    private Behavior<Command> onCreateRoom(CreateRoom request) {
        onMediaThread(() -> media.createRoom(request.room()), request.replyTo(),
                created -> new RoomCreatedReply(created, null), refusal -> new RoomCreatedReply(false, refusal));
        return this;
    }

    /** The objects report their closing as usual (transportClosed, producerClosed, consumerClosed events). */
    private Behavior<Command> onCloseRoom(CloseRoom request) {
        onMediaThread(() -> media.closeRoom(request.room()), request.replyTo(), closed -> {
            if (closed != null) LOG.info("{}: room '{}' closed by an admin ({} transports)", nodeId,
                    request.room(), closed.transports());
            return new RoomClosedReply(closed, null);
        }, refusal -> new RoomClosedReply(null, refusal));
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
        List<PipedMember> pipedTo = pipedMembers(gone.producerId());
        pipesOut.remove(gone.producerId());
        streamKeys.remove(gone.producerId());
        producerEntity(gone.producerId()).tell(new ProducerEntity.Close(pipedTo, getContext().getSystem().ignoreRef()));
        publish("producerClosed", gone.room(), Map.of("producerId", gone.producerId()));
        return this;
    }

    private Behavior<Command> onConsumerGone(ConsumerGone gone) {
        publish("consumerClosed", gone.room(), Map.of("consumerId", gone.consumerId(),
                "producerId", gone.producerId(), "reason", gone.reason()));
        IncomingPipe pipe = pipesIn.get(gone.producerId());
        if (pipe != null && pipe.state() == IncomingPipe.State.READY) scheduleRelease(gone.producerId());
        return this;
    }

    // ---- pipes: this member as the home of a producer

    private Behavior<Command> onOpenPipe(OpenPipe open) {
        onMediaThread(() -> media.openPipeOut(open.producerId(), open.member(), open.mediaAddress()), open.replyTo(),
                offer -> {
                    pipesOut.computeIfAbsent(open.producerId(), id -> new HashMap<>())
                            .put(open.member(), open.memberMediaNode());
                    watch(open.memberMediaNode());
                    return new PipeOpened(offer, null);
                }, refusal -> new PipeOpened(null, refusal));
        return this;
    }

    private Behavior<Command> onClosePipe(ClosePipe close) {
        forgetPipeOut(close.producerId(), close.member());
        runOnMediaThread("close pipe", () -> media.closePipeOut(close.producerId(), close.member()));
        return this;
    }

    private Behavior<Command> onPipeConsumerGone(PipeConsumerGone gone) {
        forgetPipeOut(gone.producerId(), gone.member());
        return this;
    }

    private Behavior<Command> onReportProducer(ReportProducer report) {
        onMediaThread(() -> media.producerRecord(report.producerId()), report.replyTo(),
                record -> new ProducerReport(record, record == null ? List.of() : pipedMembers(report.producerId())),
                refusal -> new ProducerReport(null, List.of()));
        return this;
    }

    // ---- pipes: this member receiving another member's producer

    private void requestPipe(IncomingPipe pipe) {
        pipe.requested();
        producerEntity(pipe.producerId()).tell(new ProducerEntity.RequestPipe(pipe.room(), nodeId,
                pipeSettings.mediaAddress(), getContext().getSelf()));
        // two asks deep: the entity may first rebuild its state from the home, then asks the home to open the pipe
        timers.startSingleTimer("pipe-request:" + pipe.producerId(),
                new PipeRequestTimedOut(pipe.producerId(), pipe.attempt()), pipeRequestTimeout());
    }

    private Behavior<Command> onPipeOffered(PipeOffered offered) {
        String producerId = offered.producerId();
        IncomingPipe pipe = pipesIn.get(producerId);
        if (pipe == null || pipe.state() != IncomingPipe.State.REQUESTED) {
            // an offer nobody waits for any more (its request timed out): let the home stop sending it
            if (pipe == null && offered.offer() != null) {
                producerEntity(producerId).tell(new ProducerEntity.PipeReleased(nodeId));
            }
            return this;
        }
        timers.cancel("pipe-request:" + producerId);
        if (offered.offer() == null) {
            pipesIn.remove(producerId);
            pipe.refuseAll(offered.refusal());
            return this;
        }
        watch(offered.home());
        pipe.moveTo(IncomingPipe.State.OPENING);
        CompletionStage<Boolean> work = submit(() -> {
            media.openPipeIn(offered.offer());
            return true;
        });
        getContext().pipeToSelf(work, (ok, failure) -> new WorkDone(() -> {
            if (pipesIn.get(producerId) != pipe) return; // closed meanwhile; its waiters were answered then
            if (failure != null) {
                pipesIn.remove(producerId);
                pipe.refuseAll(refusal(failure, "pipe in"));
                producerEntity(producerId).tell(new ProducerEntity.PipeReleased(nodeId));
                return;
            }
            LOG.info("{}: producer {} piped in from {}", nodeId, producerId, pipe.home());
            pipe.moveTo(IncomingPipe.State.READY);
            pipe.takeWaiting().forEach(this::consumeHere);
            scheduleRelease(producerId); // in case none of them became a consumer
        }));
        return this;
    }

    private Behavior<Command> onPipeRequestTimedOut(PipeRequestTimedOut timedOut) {
        IncomingPipe pipe = pipesIn.get(timedOut.producerId());
        if (pipe == null || pipe.state() != IncomingPipe.State.REQUESTED || pipe.attempt() != timedOut.attempt()) {
            return this;
        }
        pipesIn.remove(timedOut.producerId());
        pipe.refuseAll(new Refusal(503, "no pipe offer for producer '" + timedOut.producerId() + "' within "
                + pipeRequestTimeout()));
        return this;
    }

    private Behavior<Command> onSetPipeProducerPaused(SetPipeProducerPaused set) {
        runOnMediaThread("pause pipe producer", () -> media.setPipeInPaused(set.producerId(), set.paused()));
        return this;
    }

    private Behavior<Command> onClosePipeProducer(ClosePipeProducer close) {
        runOnMediaThread("close pipe producer", () -> media.closePipeIn(close.producerId()));
        return this;
    }

    private Duration pipeRequestTimeout() {
        return pipeSettings.askTimeout().multipliedBy(2);
    }

    private void scheduleRelease(String producerId) {
        timers.startSingleTimer("pipe-release:" + producerId, new ReleaseIfUnused(producerId),
                pipeSettings.releaseGrace());
    }

    private Behavior<Command> onReleaseIfUnused(ReleaseIfUnused release) {
        String producerId = release.producerId();
        IncomingPipe pipe = pipesIn.get(producerId);
        if (pipe == null || pipe.state() != IncomingPipe.State.READY) return this;
        pipe.moveTo(IncomingPipe.State.RELEASING);
        CompletionStage<Boolean> work = submit(() -> media.releasePipeInIfUnused(producerId));
        getContext().pipeToSelf(work, (released, failure) -> new WorkDone(() -> {
            // when released, PipeProducerGone (told first) has already dealt with it
            if (pipesIn.get(producerId) == pipe && pipe.state() == IncomingPipe.State.RELEASING) {
                pipe.moveTo(IncomingPipe.State.READY);
                pipe.takeWaiting().forEach(this::consumeHere);
            }
        }));
        return this;
    }

    private Behavior<Command> onPipeProducerGone(PipeProducerGone gone) {
        String producerId = gone.producerId();
        IncomingPipe pipe = pipesIn.remove(producerId);
        timers.cancel("pipe-release:" + producerId);
        LOG.info("{}: pipe producer {} from {} closed ({})", nodeId, producerId, gone.home(), gone.reason());
        switch (gone.reason()) {
            case LocalPipes.REASON_RELEASED, LocalPipes.REASON_TRANSPORT_CLOSED ->
                    producerEntity(producerId).tell(new ProducerEntity.PipeReleased(nodeId));
            case LocalPipes.REASON_HOME_GONE -> publish("producerClosed", gone.room(),
                    Map.of("producerId", producerId, "reason", "home member '" + gone.home() + "' is gone"));
            default -> {
            }
        }
        if (pipe == null) return this;
        if (gone.reason().equals(LocalPipes.REASON_RELEASED) && pipe.state() == IncomingPipe.State.RELEASING) {
            // consumers that asked while it was being released get a new pipe
            List<Consume> waiting = pipe.takeWaiting();
            if (!waiting.isEmpty()) {
                IncomingPipe again = new IncomingPipe(producerId, pipe.home(), pipe.room());
                pipesIn.put(producerId, again);
                requestPipe(again);
                waiting.forEach(again::await);
            }
        } else {
            pipe.refuseAll(new Refusal(404, "producer '" + producerId + "' closed (" + gone.reason() + ")"));
        }
        return this;
    }

    // ---- members that left

    private void watch(ActorRef<Command> mediaNode) {
        if (mediaNode == null || mediaNode.equals(getContext().getSelf()) || !watched.add(mediaNode)) return;
        String member = nodeIdOf(mediaNode);
        if (member != null) getContext().watchWith(mediaNode, new MemberGone(member));
    }

    private Behavior<Command> onMemberGone(MemberGone gone) {
        String member = gone.nodeId();
        LOG.info("{}: member {} is gone; closing the pipes to and from it", nodeId, member);
        watched.removeIf(ref -> member.equals(nodeIdOf(ref)));
        pipesOut.forEach((producerId, members) -> {
            if (members.remove(member) != null) {
                producerEntity(producerId).tell(new ProducerEntity.PipeReleased(member));
            }
        });
        pipesIn.values().removeIf(pipe -> {
            boolean waitingForIt = pipe.home().equals(member) && pipe.state() == IncomingPipe.State.REQUESTED;
            if (waitingForIt) pipe.refuseAll(new Refusal(404, "the home member '" + member + "' of producer '"
                    + pipe.producerId() + "' is gone"));
            return waitingForIt;
        });
        runOnMediaThread("close pipes of a member that left", () -> {
            media.closePipesTo(member);
            media.closePipesFrom(member);
        });
        return this;
    }

    private void forgetPipeOut(String producerId, String member) {
        Map<String, ActorRef<Command>> members = pipesOut.get(producerId);
        if (members == null) return;
        members.remove(member);
        if (members.isEmpty()) pipesOut.remove(producerId);
    }

    private List<PipedMember> pipedMembers(String producerId) {
        List<PipedMember> list = new ArrayList<>();
        pipesOut.getOrDefault(producerId, Map.of()).forEach((member, ref) -> list.add(new PipedMember(member, ref)));
        return list;
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

    /** Runs {@code work} on the media thread, only logging a failure. */
    private void runOnMediaThread(String what, Runnable work) {
        submit(() -> {
            work.run();
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) LOG.warn("{} failed on {}: {}", what, nodeId, failure.toString());
        });
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
