package dev.sfu.cluster.media;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

import java.util.HashMap;
import java.util.Map;

/**
 * This member's view of every member's {@link MediaNode}, kept from the Receptionist's listing: node id → ref.
 * Local only (asked by the signaling service on the same member).
 */
public final class MediaNodeDirectory extends AbstractBehavior<MediaNodeDirectory.Command> {

    public sealed interface Command {
    }

    public record Find(String nodeId, ActorRef<Found> replyTo) implements Command {
    }

    /** {@code mediaNode} is null when no member with that id has a MediaNode. */
    public record Found(String nodeId, ActorRef<MediaNode.Command> mediaNode) {
    }

    public record ListAll(ActorRef<All> replyTo) implements Command {
    }

    public record All(Map<String, ActorRef<MediaNode.Command>> mediaNodes) {
    }

    private record ListingChanged(Receptionist.Listing listing) implements Command {
    }

    public static Behavior<Command> create() {
        return Behaviors.setup(MediaNodeDirectory::new);
    }

    private Map<String, ActorRef<MediaNode.Command>> byNode = Map.of();

    private MediaNodeDirectory(ActorContext<Command> context) {
        super(context);
        ActorRef<Receptionist.Listing> listings = context.messageAdapter(Receptionist.Listing.class, ListingChanged::new);
        context.getSystem().receptionist().tell(Receptionist.subscribe(MediaNode.SERVICE_KEY, listings));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Find.class, this::onFind)
                .onMessage(ListAll.class, this::onListAll)
                .onMessage(ListingChanged.class, this::onListingChanged)
                .build();
    }

    private Behavior<Command> onFind(Find find) {
        find.replyTo().tell(new Found(find.nodeId(), byNode.get(find.nodeId())));
        return this;
    }

    private Behavior<Command> onListAll(ListAll listAll) {
        listAll.replyTo().tell(new All(byNode));
        return this;
    }

    private Behavior<Command> onListingChanged(ListingChanged changed) {
        Map<String, ActorRef<MediaNode.Command>> next = new HashMap<>();
        for (ActorRef<MediaNode.Command> ref : changed.listing().getServiceInstances(MediaNode.SERVICE_KEY)) {
            String nodeId = MediaNode.nodeIdOf(ref);
            if (nodeId == null) {
                getContext().getLog().warn("ignoring a MediaNode not named by its member id: {}", ref);
                continue;
            }
            ActorRef<MediaNode.Command> previous = next.put(nodeId, ref);
            if (previous != null) getContext().getLog().warn("two MediaNodes claim member id '{}': {} and {}", nodeId, previous, ref);
        }
        if (!next.keySet().equals(byNode.keySet())) getContext().getLog().info("media nodes: {}", next.keySet());
        byNode = Map.copyOf(next);
        return this;
    }
}
