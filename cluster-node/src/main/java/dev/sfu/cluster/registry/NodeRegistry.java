package dev.sfu.cluster.registry;

import dev.sfu.cluster.NodeSettings;
import dev.sfu.signaling.api.NodeInfo;
import dev.sfu.signaling.api.NodeLoad;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;
import org.apache.pekko.cluster.typed.Cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The cluster-wide node list, one per member, with no coordinator: every member puts its own announcement (URLs and
 * load) into a replicated {@link LWWMap} keyed by node id about once a second (WriteLocal; Distributed Data gossips
 * it), and removes the announcements of members that leave the cluster. The list it answers joins those
 * announcements with this member's view of the cluster membership, so a removed member disappears at once.
 */
public final class NodeRegistry extends AbstractBehavior<NodeRegistry.Command> {

    public sealed interface Command {
    }

    /** Answered with {@link Nodes}: every member that has announced itself, sorted by id. */
    public record GetNodes(ActorRef<Nodes> replyTo) implements Command {
    }

    public record Nodes(List<NodeInfo> nodes) {
    }

    /** The subscriber gets a {@link NodeEvent} for each change of a member's being Up. */
    public record Subscribe(ActorRef<NodeEvent> subscriber) implements Command {
    }

    public record Unsubscribe(ActorRef<NodeEvent> subscriber) implements Command {
    }

    /**
     * Publishes this member's announcement now (e.g. after its draining flag changed) and waits until all reachable
     * members have it, or {@code timeout}; answered with {@link Done} either way.
     */
    public record AnnounceNow(java.time.Duration timeout, ActorRef<Done> replyTo) implements Command {
    }

    private record Announced(ActorRef<Done> replyTo) implements Command {
    }

    private enum Publish implements Command {
        INSTANCE
    }

    private record MembershipChanged(ClusterEvent.ClusterDomainEvent event) implements Command {
    }

    private record AnnouncementsChanged(Replicator.SubscribeResponse<LWWMap<String, NodeAnnouncement>> response)
            implements Command {
    }

    private record UpdateDone(Replicator.UpdateResponse<LWWMap<String, NodeAnnouncement>> response) implements Command {
    }

    static final Key<LWWMap<String, NodeAnnouncement>> KEY = LWWMapKey.create("sfu-node-registry");

    public static Behavior<Command> create(NodeSettings settings, NodeLoadSource loadSource) {
        return create(settings, loadSource, () -> false);
    }

    /** @param draining read at each announcement: whether this member takes no new transports */
    public static Behavior<Command> create(NodeSettings settings, NodeLoadSource loadSource, BooleanSupplier draining) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> DistributedData.withReplicatorMessageAdapter(
                (ReplicatorMessageAdapter<Command, LWWMap<String, NodeAnnouncement>> replicator) ->
                        new NodeRegistry(context, timers, replicator, settings, loadSource, draining))));
    }

    // passed by argument
    private final NodeSettings settings;
    private final NodeLoadSource loadSource;
    private final BooleanSupplier draining;
    private final ReplicatorMessageAdapter<Command, LWWMap<String, NodeAnnouncement>> replicator;
    private final SelfUniqueAddress selfUniqueAddress;
    private final String selfKey;
    // this member's view of the cluster
    private final Map<String, Member> membersByKey = new HashMap<>();
    private final Set<String> unreachableKeys = new HashSet<>();
    private Map<String, NodeAnnouncement> announcements = Map.of();
    private NodeLoad lastLoad = NodeLoad.EMPTY;
    // for change events
    private final Set<ActorRef<NodeEvent>> subscribers = new HashSet<>();
    private Map<String, NodeInfo> lastListed = Map.of();

    private NodeRegistry(ActorContext<Command> context, TimerScheduler<Command> timers,
                         ReplicatorMessageAdapter<Command, LWWMap<String, NodeAnnouncement>> replicator,
                         NodeSettings settings, NodeLoadSource loadSource, BooleanSupplier draining) {
        super(context);
        context.setLoggerName(NodeRegistry.class);
        this.settings = settings;
        this.loadSource = loadSource;
        this.draining = draining;
        this.replicator = replicator;
        this.selfUniqueAddress = DistributedData.get(context.getSystem()).selfUniqueAddress();
        this.selfKey = MemberKeys.of(selfUniqueAddress.uniqueAddress());

        replicator.subscribe(KEY, AnnouncementsChanged::new);
        Cluster cluster = Cluster.get(context.getSystem());
        // The current members arrive first, as events.
        cluster.subscriptions().tell(new org.apache.pekko.cluster.typed.Subscribe<>(
                context.messageAdapter(ClusterEvent.MemberEvent.class, MembershipChanged::new),
                ClusterEvent.MemberEvent.class));
        cluster.subscriptions().tell(new org.apache.pekko.cluster.typed.Subscribe<>(
                context.messageAdapter(ClusterEvent.ReachabilityEvent.class, MembershipChanged::new),
                ClusterEvent.ReachabilityEvent.class));
        publish();
        timers.startTimerWithFixedDelay(Publish.INSTANCE, settings.registryPublishInterval());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(GetNodes.class, this::onGetNodes)
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(Unsubscribe.class, this::onUnsubscribe)
                .onMessage(Publish.class, message -> onPublish())
                .onMessage(AnnounceNow.class, this::onAnnounceNow)
                .onMessage(Announced.class, announced -> {
                    announced.replyTo().tell(Done.getInstance());
                    return this;
                })
                .onMessage(MembershipChanged.class, this::onMembershipChanged)
                .onMessage(AnnouncementsChanged.class, this::onAnnouncementsChanged)
                .onMessage(UpdateDone.class, this::onUpdateDone)
                .build();
    }

    private Behavior<Command> onGetNodes(GetNodes request) {
        request.replyTo().tell(new Nodes(List.copyOf(lastListed.values())));
        return this;
    }

    private Behavior<Command> onSubscribe(Subscribe request) {
        subscribers.add(request.subscriber());
        return this;
    }

    private Behavior<Command> onUnsubscribe(Unsubscribe request) {
        subscribers.remove(request.subscriber());
        return this;
    }

    private Behavior<Command> onPublish() {
        publish();
        pruneStale(System.currentTimeMillis());
        return this;
    }

    private Behavior<Command> onAnnounceNow(AnnounceNow request) {
        NodeAnnouncement self = announcement();
        replicator.askUpdate(replyTo -> new Replicator.Update<>(KEY, LWWMap.create(),
                        new Replicator.WriteAll(request.timeout()), replyTo,
                        map -> map.put(selfUniqueAddress, settings.id(), self)),
                response -> new Announced(request.replyTo()));
        return this;
    }

    private Behavior<Command> onMembershipChanged(MembershipChanged changed) {
        if (changed.event() instanceof ClusterEvent.MemberRemoved removed) {
            String key = MemberKeys.of(removed.member().uniqueAddress());
            membersByKey.remove(key);
            unreachableKeys.remove(key);
            removeAnnouncementsOf(key);
        } else if (changed.event() instanceof ClusterEvent.MemberEvent event) {
            membersByKey.put(MemberKeys.of(event.member().uniqueAddress()), event.member());
        } else if (changed.event() instanceof ClusterEvent.UnreachableMember unreachable) {
            unreachableKeys.add(MemberKeys.of(unreachable.member().uniqueAddress()));
        } else if (changed.event() instanceof ClusterEvent.ReachableMember reachable) {
            unreachableKeys.remove(MemberKeys.of(reachable.member().uniqueAddress()));
        }
        relist();
        return this;
    }

    private Behavior<Command> onAnnouncementsChanged(AnnouncementsChanged changed) {
        if (changed.response() instanceof Replicator.Changed<LWWMap<String, NodeAnnouncement>> data) {
            announcements = data.get(KEY).getEntries();
            relist();
        }
        return this;
    }

    private Behavior<Command> onUpdateDone(UpdateDone done) {
        if (done.response() instanceof Replicator.UpdateTimeout) {
            // WriteLocal only times out when the local replicator is gone, i.e. while shutting down.
            getContext().getLog().debug("node registry update timed out: {}", done.response());
        } else if (!(done.response() instanceof Replicator.UpdateSuccess)) {
            getContext().getLog().warn("node registry update failed: {}", done.response());
        }
        return this;
    }

    private void publish() {
        NodeAnnouncement self = announcement();
        update(map -> map.put(selfUniqueAddress, settings.id(), self));
    }

    private NodeAnnouncement announcement() {
        return new NodeAnnouncement(settings.id(), selfKey, settings.httpUrl(), settings.managementUrl(),
                settings.mediaAddress(), currentLoad(), System.currentTimeMillis(), draining.getAsBoolean());
    }

    /** A failing load source must not stop the announcements: the member is still there. */
    private NodeLoad currentLoad() {
        try {
            lastLoad = loadSource.currentLoad();
        } catch (RuntimeException e) {
            getContext().getLog().warn("load source failed; announcing the last load: {}", e.toString());
        }
        return lastLoad;
    }

    /** Every member prunes a removed member's entry; the removals are idempotent, so no one needs to lead. */
    private void removeAnnouncementsOf(String memberKey) {
        announcements.values().stream()
                .filter(a -> a.memberKey().equals(memberKey))
                .forEach(a -> update(map -> removeIfSameMember(map, a.nodeId(), memberKey)));
    }

    /** Catches entries no removal event covered, e.g. of a member that died while this one was not yet joined. */
    private void pruneStale(long nowMillis) {
        long staleAfter = settings.registryStaleAfter().toMillis();
        announcements.values().stream()
                .filter(a -> !membersByKey.containsKey(a.memberKey()) && !a.memberKey().equals(selfKey))
                .filter(a -> nowMillis - a.updatedAtMillis() > staleAfter)
                .forEach(a -> update(map -> removeIfSameMember(map, a.nodeId(), a.memberKey())));
    }

    private LWWMap<String, NodeAnnouncement> removeIfSameMember(LWWMap<String, NodeAnnouncement> map, String nodeId,
                                                                String memberKey) {
        NodeAnnouncement current = map.getEntries().get(nodeId);
        // A restarted member reuses its id: keep its new entry.
        return current != null && current.memberKey().equals(memberKey) ? map.remove(selfUniqueAddress, nodeId) : map;
    }

    private void update(Function<LWWMap<String, NodeAnnouncement>, LWWMap<String, NodeAnnouncement>> modify) {
        replicator.askUpdate(replyTo -> new Replicator.Update<>(KEY, LWWMap.create(), Replicator.writeLocal(), replyTo,
                modify::apply), UpdateDone::new);
    }

    /** Recomputes the list and tells subscribers which members became Up, or stopped being Up. */
    private void relist() {
        Map<String, NodeInfo> listed = new LinkedHashMap<>();
        for (NodeInfo node : NodeList.of(membersByKey, unreachableKeys, announcements.values())) {
            listed.put(node.id(), node);
        }
        for (NodeInfo node : listed.values()) {
            NodeInfo before = lastListed.get(node.id());
            boolean wasUp = before != null && NodeList.isUp(before);
            if (NodeList.isUp(node) && !wasUp) {
                notifySubscribers(new NodeEvent.NodeUp(node));
            } else if (!NodeList.isUp(node) && wasUp) {
                notifySubscribers(new NodeEvent.NodeDown(node));
            }
        }
        for (NodeInfo before : lastListed.values()) {
            if (!listed.containsKey(before.id()) && NodeList.isUp(before)) {
                notifySubscribers(new NodeEvent.NodeDown(withStatus(before, "Removed")));
            }
        }
        lastListed = listed;
    }

    private void notifySubscribers(NodeEvent event) {
        getContext().getLog().info("{} is {}", event.node().id(), event.node().status());
        subscribers.forEach(subscriber -> subscriber.tell(event));
    }

    private static NodeInfo withStatus(NodeInfo node, String status) {
        return new NodeInfo(node.id(), status, node.httpUrl(), node.managementUrl(), node.mediaAddress(), node.load(),
                node.updatedAtMillis(), node.draining());
    }
}
