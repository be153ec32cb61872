package dev.sfu.cluster.placement;

import dev.sfu.cluster.media.MediaNode;
import dev.sfu.cluster.signaling.SfuEventTopic;
import dev.sfu.signaling.api.SignalingEvent;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Closes, cluster-wide, the producers of a member that is gone without saying so (crashed, cut off and downed).
 * Every member remembers which producers live where from the newProducer/producerClosed events, and watches the
 * MediaNode of each member that has producers. When one terminates (its member was removed), the oldest surviving
 * member publishes a producerClosed (reason "nodeDown") for each producer homed there, so every {@code /ws} client
 * hears it exactly once. ({@code /api/streams} asks the live members' MediaNodes, so the producers leave the listing
 * with their member; their sharded entities watch their home themselves.)
 */
public final class HomeLossWatcher extends AbstractBehavior<HomeLossWatcher.Command> {

    public sealed interface Command {
    }

    private record EventHeard(SfuEventTopic.Published published) implements Command {
    }

    private record MediaNodesListed(Receptionist.Listing listing) implements Command {
    }

    private record MediaNodeGone(String nodeId, Address address) implements Command {
    }

    private record Home(String room, String node) {
    }

    public static Behavior<Command> create(String selfNodeId, ActorRef<Topic.Command<SfuEventTopic.Published>> events) {
        return Behaviors.setup(context -> new HomeLossWatcher(context, selfNodeId, events));
    }

    private final String selfNodeId;
    private final ActorRef<Topic.Command<SfuEventTopic.Published>> events;
    private final Map<String, Home> homes = new HashMap<>();
    private final Set<String> watchedNodes = new HashSet<>();
    private Set<ActorRef<MediaNode.Command>> mediaNodes = Set.of();

    private HomeLossWatcher(ActorContext<Command> context, String selfNodeId,
                            ActorRef<Topic.Command<SfuEventTopic.Published>> events) {
        super(context);
        this.selfNodeId = selfNodeId;
        this.events = events;
        events.tell(Topic.subscribe(context.messageAdapter(SfuEventTopic.Published.class, EventHeard::new)));
        context.getSystem().receptionist().tell(Receptionist.subscribe(MediaNode.SERVICE_KEY,
                context.messageAdapter(Receptionist.Listing.class, MediaNodesListed::new)));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(EventHeard.class, this::onEventHeard)
                .onMessage(MediaNodesListed.class, this::onMediaNodesListed)
                .onMessage(MediaNodeGone.class, this::onMediaNodeGone)
                .build();
    }

    private Behavior<Command> onEventHeard(EventHeard heard) {
        SignalingEvent event = heard.published().event();
        Object producerId = event.data() == null ? null : event.data().get("producerId");
        if (!(producerId instanceof String id) || event.node() == null) return this;
        if ("newProducer".equals(event.type())) {
            homes.put(id, new Home(event.room(), event.node()));
            watch(event.node());
        } else if ("producerClosed".equals(event.type())) {
            homes.remove(id);
        }
        return this;
    }

    private Behavior<Command> onMediaNodesListed(MediaNodesListed listed) {
        mediaNodes = listed.listing().getServiceInstances(MediaNode.SERVICE_KEY);
        Set.copyOf(homes.values()).forEach(home -> watch(home.node()));
        return this;
    }

    private void watch(String nodeId) {
        if (nodeId.equals(selfNodeId) || watchedNodes.contains(nodeId)) return;
        String name = MediaNode.actorName(nodeId);
        for (ActorRef<MediaNode.Command> ref : mediaNodes) {
            if (ref.path().name().equals(name)) {
                getContext().watchWith(ref, new MediaNodeGone(nodeId, ref.path().address()));
                watchedNodes.add(nodeId);
                return;
            }
        }
    }

    private Behavior<Command> onMediaNodeGone(MediaNodeGone gone) {
        watchedNodes.remove(gone.nodeId());
        List<Map.Entry<String, Home>> lost = homes.entrySet().stream()
                .filter(entry -> entry.getValue().node().equals(gone.nodeId()))
                .toList();
        if (lost.isEmpty()) return this;
        boolean reporter = isReporter(gone.address());
        getContext().getLog().info("member {} is gone with {} producer(s){}", gone.nodeId(), lost.size(),
                reporter ? "; closing them cluster-wide" : "");
        for (Map.Entry<String, Home> entry : List.copyOf(lost)) {
            String producerId = entry.getKey();
            homes.remove(producerId);
            if (!reporter) continue;
            SignalingEvent closed = new SignalingEvent("producerClosed", entry.getValue().room(), gone.nodeId(),
                    System.currentTimeMillis(), Map.of("producerId", producerId, "reason", "nodeDown"));
            events.tell(Topic.publish(new SfuEventTopic.Published(closed)));
        }
        return this;
    }

    /** Whether this member is the oldest Up member other than the one that is gone. */
    private boolean isReporter(Address goneAddress) {
        Cluster cluster = Cluster.get(getContext().getSystem());
        Optional<Member> oldest = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
                .filter(member -> member.status().equals(MemberStatus.up()))
                .filter(member -> !member.address().equals(goneAddress))
                .reduce((a, b) -> a.isOlderThan(b) ? a : b);
        return oldest.map(member -> member.equals(cluster.selfMember())).orElse(true);
    }
}
