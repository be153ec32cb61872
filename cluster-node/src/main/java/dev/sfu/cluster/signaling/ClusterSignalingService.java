package dev.sfu.cluster.signaling;

import dev.sfu.cluster.media.MediaIds;
import dev.sfu.cluster.media.MediaLoad;
import dev.sfu.cluster.media.MediaNode;
import dev.sfu.cluster.media.MediaNodeDirectory;
import dev.sfu.cluster.media.ProducerEntity;
import dev.sfu.cluster.media.RoomSummary;
import dev.sfu.cluster.media.PipeSettings;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.cluster.placement.ClusterMembership;
import dev.sfu.cluster.placement.DrainSwitch;
import dev.sfu.cluster.placement.TransportPlacement;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses.ClusterMembers;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.DrainState;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.RoomClosed;
import dev.sfu.signaling.api.Responses.RoomCreated;
import dev.sfu.signaling.api.Responses.RoomInfo;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.api.SignalingEvent;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The signaling API served by actors. Every member answers every request: an id names the member that owns the
 * object ({@link MediaIds}), and the request is asked of that member's {@link MediaNode}, here or across the
 * cluster. Listings ask every member and merge what arrives in time.
 */
public final class ClusterSignalingService implements SignalingService {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSignalingService.class);

    /** Config path of the timeout of every ask. */
    public static final String ASK_TIMEOUT_PATH = "sfu.ask-timeout";
    /** Config path of the IP other members send this member's pipes to (with the engine's port). */
    public static final String ANNOUNCED_IP_PATH = "sfu.media.announced-ip";

    /** How long a transport placed on a member just Up may wait for that member's MediaNode to be listed. */
    private static final int DIRECTORY_RETRIES = 15;
    private static final Duration DIRECTORY_RETRY_DELAY = Duration.ofMillis(200);

    private final ActorSystem<?> system;
    private final String nodeId;
    private final ActorRef<MediaNode.Command> localMediaNode;
    private final ActorRef<MediaNodeDirectory.Command> directory;
    private final ActorRef<Topic.Command<SfuEventTopic.Published>> events;
    private final MemberView members;
    private final Duration askTimeout;
    // set once by PlacementSetup; null: transports go where asked (or here), draining is not supported
    private volatile TransportPlacement placement;
    private volatile DrainSwitch drainSwitch;

    public ClusterSignalingService(ActorSystem<?> system, String nodeId, ActorRef<MediaNode.Command> localMediaNode,
                                   ActorRef<MediaNodeDirectory.Command> directory,
                                   ActorRef<Topic.Command<SfuEventTopic.Published>> events,
                                   MemberView members) {
        this.system = system;
        this.nodeId = MediaIds.requireValidNodeId(nodeId);
        this.localMediaNode = localMediaNode;
        this.directory = directory;
        this.events = events;
        this.members = members;
        this.askTimeout = system.settings().config().getDuration(ASK_TIMEOUT_PATH);
    }

    /**
     * Starts this member's side of the media cluster: the event topic, producer sharding, the MediaNode and the
     * directory of all members' MediaNodes; returns the service the HTTP routes call. {@code members} answers
     * {@code nodes()} and adds nodeUp/nodeDown to every subscription; {@code load} is kept up to date for the node
     * registry.
     */
    public static ClusterSignalingService start(Spawner spawner, ActorSystem<?> system, String nodeId,
                                                MediaEngine engine, MediaLoad load, MemberView members) {
        ActorRef<Topic.Command<SfuEventTopic.Published>> events =
                spawner.spawn(SfuEventTopic.create(), SfuEventTopic.NAME);
        ProducerEntity.init(system);
        String mediaAddress = system.settings().config().getString(ANNOUNCED_IP_PATH) + ":" + engine.localAddress().getPort();
        PipeSettings pipes = PipeSettings.from(system.settings().config(), mediaAddress);
        ActorRef<MediaNode.Command> mediaNode = spawner.spawn(MediaNode.create(nodeId, engine, events, load, pipes),
                MediaNode.actorName(nodeId));
        ActorRef<MediaNodeDirectory.Command> directory =
                spawner.spawn(MediaNodeDirectory.create(), "media-node-directory");
        return new ClusterSignalingService(system, nodeId, mediaNode, directory, events, members);
    }

    /** Places transports created without a node, and serves draining (issue 6). */
    public void usePlacement(TransportPlacement placement, DrainSwitch drainSwitch) {
        this.placement = placement;
        this.drainSwitch = drainSwitch;
    }

    /** This member's handle on the cluster-wide event topic. */
    public ActorRef<Topic.Command<SfuEventTopic.Published>> eventTopic() {
        return events;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public CompletionStage<List<NodeInfo>> nodes() {
        return members.nodes();
    }

    @Override
    public CompletionStage<RtpCapabilities> routerRtpCapabilities(String room) {
        return askLocal(replyTo -> new MediaNode.GetRouterRtpCapabilities(room, replyTo),
                MediaNode.CapabilitiesReply::rtpCapabilities);
    }

    @Override
    public CompletionStage<TransportCreated> createTransport(Requests.CreateTransport request) {
        if (!"send".equals(request.direction()) && !"recv".equals(request.direction())) {
            return CompletableFuture.failedFuture(ApiException.badRequest(
                    "invalid direction '" + request.direction() + "' (expected \"send\" or \"recv\")"));
        }
        String asked = request.node() == null || request.node().isBlank() ? nodeId : request.node();
        TransportPlacement placer = placement;
        CompletionStage<String> placed = placer == null ? CompletableFuture.completedFuture(asked) : placer.memberFor(request);
        return placed.thenCompose(target -> listed(target, placer != null).thenCompose(isListed -> {
            Supplier<ApiException> unknown = () -> ApiException.notFound("unknown node '" + target + "'");
            // A member placement chose is Up in the node list, but its MediaNode may reach this member's
            // directory (the Receptionist) a moment later: wait briefly for it rather than answer 404. A name
            // nobody lists is answered at once (no client can make this member wait on made-up names).
            CompletionStage<ActorRef<MediaNode.Command>> member = isListed
                    ? mediaNodeOfUpMember(target, unknown, DIRECTORY_RETRIES) : mediaNodeOf(target, unknown);
            return askValue(member, target, replyTo -> new MediaNode.CreateTransport(request.room(), request.direction(), replyTo),
                    MediaNode.TransportReply::transport);
        }));
    }

    /** Whether {@code member} is in the node list (only asked when placement is on). */
    private CompletionStage<Boolean> listed(String member, boolean placementOn) {
        if (!placementOn || member.equals(nodeId)) return CompletableFuture.completedFuture(placementOn);
        return members.nodes().thenApply(nodes -> nodes.stream().anyMatch(node -> node.id().equals(member)));
    }

    @Override
    public CompletionStage<DrainState> setDraining(Requests.Drain request) {
        DrainSwitch drains = drainSwitch;
        if (drains == null) return SignalingService.super.setDraining(request);
        return drains.set(request);
    }

    @Override
    public CompletionStage<ClusterMembers> clusterMembers() {
        Cluster cluster = Cluster.get(system);
        return CompletableFuture.completedFuture(ClusterMembership.of(cluster.state(), cluster.selfMember()));
    }

    @Override
    public CompletionStage<Void> connectTransport(Requests.ConnectTransport request) {
        return ack(request.transportId(), "transport",
                replyTo -> new MediaNode.ConnectTransport(request.transportId(), request.dtlsParameters(), replyTo));
    }

    @Override
    public CompletionStage<ProducerCreated> produce(Requests.Produce request) {
        return askOwner(request.transportId(), "transport",
                replyTo -> new MediaNode.Produce(request.transportId(), request.kind(), request.rtpParameters(),
                        StreamKeys.of(request.appData()), replyTo),
                MediaNode.ProducerReply::producer);
    }

    @Override
    public CompletionStage<ConsumerCreated> consume(Requests.Consume request) {
        return askOwner(request.transportId(), "transport",
                replyTo -> new MediaNode.Consume(request.transportId(), request.producerId(), request.rtpCapabilities(), replyTo),
                MediaNode.ConsumerReply::consumer);
    }

    @Override
    public CompletionStage<Void> resumeConsumer(String consumerId) {
        return consumerAction(consumerId, MediaNode.Action.RESUME);
    }

    @Override
    public CompletionStage<Void> pauseConsumer(String consumerId) {
        return consumerAction(consumerId, MediaNode.Action.PAUSE);
    }

    @Override
    public CompletionStage<Void> closeConsumer(String consumerId) {
        return consumerAction(consumerId, MediaNode.Action.CLOSE);
    }

    @Override
    public CompletionStage<Void> pauseProducer(String producerId) {
        return producerAction(producerId, MediaNode.Action.PAUSE);
    }

    @Override
    public CompletionStage<Void> resumeProducer(String producerId) {
        return producerAction(producerId, MediaNode.Action.RESUME);
    }

    @Override
    public CompletionStage<Void> closeProducer(String producerId) {
        return producerAction(producerId, MediaNode.Action.CLOSE);
    }

    @Override
    public CompletionStage<Void> closeTransport(String transportId) {
        return ack(transportId, "transport", replyTo -> new MediaNode.CloseTransport(transportId, replyTo));
    }

    /**
     * Asks every member for its producers and merges. Querying the owners (rather than keeping a replicated map)
     * means a listing is never stale: a member that left takes its producers with it, and counts are live. A
     * stream's consumers are counted on every member: at its home and wherever it is piped to.
     */
    @Override
    public CompletionStage<List<StreamInfo>> streams(String room) {
        return askEveryMember(replyTo -> new MediaNode.ListStreams(room, replyTo), (MediaNode.StreamsReply reply) -> List.of(reply))
                .thenApply(ClusterSignalingService::mergeStreams);
    }

    private static List<StreamInfo> mergeStreams(List<MediaNode.StreamsReply> replies) {
        Map<String, Integer> pipedInConsumers = new HashMap<>();
        replies.forEach(reply -> reply.pipedInConsumers().forEach((id, n) -> pipedInConsumers.merge(id, n, Integer::sum)));
        List<StreamInfo> merged = new ArrayList<>();
        for (MediaNode.StreamsReply reply : replies) {
            for (StreamInfo s : reply.streams()) {
                merged.add(new StreamInfo(s.producerId(), s.room(), s.kind(), s.node(), s.pipedTo(), s.paused(),
                        s.consumers() + pipedInConsumers.getOrDefault(s.producerId(), 0), s.streamKey()));
            }
        }
        return merged;
    }

    @Override
    public CompletionStage<List<ConnectionInfo>> connections() {
        return askEveryMember(MediaNode.ListConnections::new, MediaNode.ConnectionsReply::connections);
    }

    @Override
    public CompletionStage<Map<String, Object>> stats() {
        return askLocal(MediaNode.GetStats::new, MediaNode.StatsReply::stats);
    }

    // ---- rooms

    /** Asks every member for the rooms it holds and sums them per room. */
    @Override
    public CompletionStage<List<RoomInfo>> rooms() {
        return askEveryMember(MediaNode.ListRooms::new, MediaNode.RoomsReply::rooms)
                .thenApply(ClusterSignalingService::mergeRooms);
    }

    private static List<RoomInfo> mergeRooms(List<RoomSummary> summaries) {
        Map<String, List<RoomSummary>> byRoom = new TreeMap<>();
        summaries.forEach(s -> byRoom.computeIfAbsent(s.room(), r -> new ArrayList<>()).add(s));
        List<RoomInfo> rooms = new ArrayList<>();
        byRoom.forEach((room, parts) -> rooms.add(new RoomInfo(room,
                parts.stream().mapToInt(RoomSummary::transports).sum(),
                parts.stream().mapToInt(RoomSummary::producers).sum(),
                parts.stream().mapToInt(RoomSummary::consumers).sum(),
                parts.stream().map(RoomSummary::node).sorted().toList(),
                parts.stream().anyMatch(RoomSummary::created))));
        return rooms;
    }

    /**
     * Creates the room on this member, which keeps it while it is empty (until it is closed or this member
     * leaves); {@code created} tells whether no member held it before.
     */
    @Override
    public CompletionStage<RoomCreated> createRoom(String room) {
        return rooms().thenCompose(existing -> {
            boolean known = existing.stream().anyMatch(r -> r.room().equals(room));
            return askLocal(replyTo -> new MediaNode.CreateRoom(room, replyTo),
                    (MediaNode.RoomCreatedReply reply) -> new RoomCreated(room, nodeId, !known));
        });
    }

    /**
     * Asks every member to close the room, then tells the room's clients ({@code roomClosed}). A member that does
     * not answer in time makes the answer a 503 naming it (what the others closed stays closed); no member holding
     * the room is a 404.
     */
    @Override
    public CompletionStage<RoomClosed> closeRoom(String room) {
        return askEveryMemberOrFail(replyTo -> new MediaNode.CloseRoom(room, replyTo)).thenApply(answers -> {
            List<RoomSummary> closed = new ArrayList<>();
            List<String> silent = new ArrayList<>();
            answers.forEach((member, reply) -> {
                if (reply == null || reply.refusal() != null) silent.add(member);
                else if (reply.closed() != null) closed.add(reply.closed());
            });
            RoomInfo total = mergeRooms(closed).stream().findFirst().orElse(null);
            if (total != null) {
                publish(new SignalingEvent("roomClosed", room, nodeId, System.currentTimeMillis(), Map.of(
                        "room", room, "transports", total.transports(), "producers", total.producers(),
                        "consumers", total.consumers(), "members", total.members())));
            }
            if (!silent.isEmpty()) {
                throw ApiException.unavailable("room '" + room + "' closed on " + (total == null ? "no member"
                        : total.members()) + ", but " + silent.stream().sorted().toList() + " did not answer in time");
            }
            if (total == null) throw ApiException.notFound("unknown room '" + room + "'");
            return new RoomClosed(room, total.transports(), total.producers(), total.consumers(), total.members());
        });
    }

    private void publish(SignalingEvent event) {
        events.tell(Topic.publish(new SfuEventTopic.Published(event)));
    }

    /** Asks every member's MediaNode; a member that fails or does not answer in time maps to null. */
    private CompletionStage<Map<String, MediaNode.RoomClosedReply>> askEveryMemberOrFail(
            Function<ActorRef<MediaNode.RoomClosedReply>, MediaNode.Command> request) {
        return AskPattern.<MediaNodeDirectory.Command, MediaNodeDirectory.All>ask(directory,
                        MediaNodeDirectory.ListAll::new, askTimeout, system.scheduler())
                .thenCompose(all -> {
                    Map<String, ActorRef<MediaNode.Command>> members = new HashMap<>(all.mediaNodes());
                    members.put(nodeId, localMediaNode);
                    Map<String, CompletableFuture<MediaNode.RoomClosedReply>> answers = new TreeMap<>();
                    members.forEach((member, ref) -> answers.put(member,
                            AskPattern.<MediaNode.Command, MediaNode.RoomClosedReply>ask(ref, request::apply, askTimeout,
                                            system.scheduler())
                                    .exceptionally(failure -> {
                                        LOG.warn("member '{}' did not close a room: {}", member, failure.toString());
                                        return null;
                                    })
                                    .toCompletableFuture()));
                    return CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
                        Map<String, MediaNode.RoomClosedReply> replies = new TreeMap<>();
                        answers.forEach((member, answer) -> replies.put(member, answer.join()));
                        return replies;
                    });
                });
    }

    @Override
    public AutoCloseable subscribe(String room, Consumer<SignalingEvent> listener) {
        ActorRef<EventSubscriber.Command> subscriber = system.systemActorOf(
                EventSubscriber.create(events, room, listener), "event-subscriber-" + UUID.randomUUID(), Props.empty());
        AutoCloseable memberEvents = members.subscribe(listener);
        return () -> {
            subscriber.tell(EventSubscriber.Stop.INSTANCE);
            memberEvents.close();
        };
    }

    // ---- routing

    private CompletionStage<Void> consumerAction(String consumerId, MediaNode.Action action) {
        return ack(consumerId, "consumer", replyTo -> new MediaNode.ActOnConsumer(consumerId, action, replyTo));
    }

    @Override
    public CompletionStage<String> roomOf(String id) {
        return askOwner(id, "object", replyTo -> new MediaNode.GetRoomOf(id, replyTo), MediaNode.RoomReply::room);
    }

    private CompletionStage<Void> producerAction(String producerId, MediaNode.Action action) {
        return ack(producerId, "producer", replyTo -> new MediaNode.ActOnProducer(producerId, action, replyTo));
    }

    private CompletionStage<Void> ack(String id, String what, Function<ActorRef<MediaNode.Ack>, MediaNode.Command> request) {
        return askOwner(id, what, request, reply -> null);
    }

    /** Asks the MediaNode of the member that owns {@code id} (see {@link #askValue}). */
    private <R extends MediaNode.Reply, T> CompletionStage<T> askOwner(
            String id, String what, Function<ActorRef<R>, MediaNode.Command> request, Function<R, T> value) {
        String owner = MediaIds.homeNode(id).orElse(null);
        return askValue(owningMediaNode(id, what), owner, request, value);
    }

    /** Asks this member's own MediaNode (see {@link #askValue}). */
    private <R extends MediaNode.Reply, T> CompletionStage<T> askLocal(
            Function<ActorRef<R>, MediaNode.Command> request, Function<R, T> value) {
        return askValue(CompletableFuture.completedFuture(localMediaNode), nodeId, request, value);
    }

    /** The MediaNode of the member that owns {@code id}; fails with 404 when the id or its member is unknown. */
    private CompletionStage<ActorRef<MediaNode.Command>> owningMediaNode(String id, String what) {
        String owner = MediaIds.homeNode(id).orElse(null);
        if (owner == null) {
            return CompletableFuture.failedFuture(ApiException.notFound("unknown " + what + " id '" + id + "'"));
        }
        return mediaNodeOf(owner, () -> ApiException.notFound("unknown " + what + " id '" + id + "'"));
    }

    private CompletionStage<ActorRef<MediaNode.Command>> mediaNodeOfUpMember(String member, Supplier<ApiException> unknown,
                                                                     int retriesLeft) {
        if (retriesLeft == 0) return mediaNodeOf(member, unknown);
        return mediaNodeOf(member, unknown).handle((ref, failure) -> {
            if (failure == null) return CompletableFuture.completedFuture(ref);
            Executor later = CompletableFuture.delayedExecutor(DIRECTORY_RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> member, later)
                    .thenCompose(m -> mediaNodeOfUpMember(m, unknown, retriesLeft - 1));
        }).thenCompose(stage -> stage);
    }

    private CompletionStage<ActorRef<MediaNode.Command>> mediaNodeOf(String member, Supplier<ApiException> unknown) {
        if (member.equals(nodeId)) return CompletableFuture.completedFuture(localMediaNode);
        return AskPattern.<MediaNodeDirectory.Command, MediaNodeDirectory.Found>ask(directory,
                        replyTo -> new MediaNodeDirectory.Find(member, replyTo), askTimeout, system.scheduler())
                .thenApply(found -> {
                    if (found.mediaNode() == null) throw unknown.get();
                    return found.mediaNode();
                });
    }

    /** Asks the member's MediaNode and unwraps its reply: the value, or the refusal as an {@link ApiException}. */
    private <R extends MediaNode.Reply, T> CompletionStage<T> askValue(
            CompletionStage<ActorRef<MediaNode.Command>> member, String memberId,
            Function<ActorRef<R>, MediaNode.Command> request, Function<R, T> value) {
        return member.thenCompose(ref -> AskPattern.<MediaNode.Command, R>ask(ref, request::apply, askTimeout, system.scheduler()))
                .handle((reply, failure) -> {
                    if (failure != null) throw asApiFailure(failure, memberId);
                    if (reply.refusal() != null) throw reply.refusal().toException();
                    return value.apply(reply);
                });
    }

    private static RuntimeException asApiFailure(Throwable failure, String memberId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiException api) return api;
        if (cause instanceof TimeoutException) {
            return ApiException.unavailable("member '" + memberId + "' did not answer in time");
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private Set<Address> unreachableAddresses() {
        Set<Address> addresses = new HashSet<>();
        Cluster.get(system).state().getUnreachable().forEach(member -> addresses.add(member.address()));
        return addresses;
    }

    /** Asks every member's MediaNode and merges the lists; a member that does not answer in time is left out. */
    private <R, T> CompletionStage<List<T>> askEveryMember(Function<ActorRef<R>, MediaNode.Command> request,
                                                          Function<R, List<T>> items) {
        return AskPattern.<MediaNodeDirectory.Command, MediaNodeDirectory.All>ask(directory,
                        MediaNodeDirectory.ListAll::new, askTimeout, system.scheduler())
                .thenCompose(all -> {
                    Map<String, ActorRef<MediaNode.Command>> members = new HashMap<>(all.mediaNodes());
                    // A member this one cannot reach (crashed, not yet downed) would only make the listing wait
                    // for the whole ask timeout: leave it out at once.
                    Set<Address> unreachable = unreachableAddresses();
                    members.values().removeIf(ref -> unreachable.contains(ref.path().address()));
                    members.put(nodeId, localMediaNode); // listed or not yet, this member answers
                    List<CompletableFuture<List<T>>> answers = new ArrayList<>();
                    members.forEach((member, ref) -> answers.add(
                            AskPattern.<MediaNode.Command, R>ask(ref, request::apply, askTimeout, system.scheduler())
                                    .thenApply(items)
                                    .exceptionally(failure -> {
                                        LOG.warn("member '{}' left out of a listing: {}", member, failure.toString());
                                        return List.of();
                                    })
                                    .toCompletableFuture()));
                    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
                        List<T> merged = new ArrayList<>();
                        answers.forEach(answer -> merged.addAll(answer.join()));
                        return merged;
                    });
                });
    }
}
