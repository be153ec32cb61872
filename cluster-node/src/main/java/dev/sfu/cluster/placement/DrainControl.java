package dev.sfu.cluster.placement;

import dev.sfu.cluster.CborSerializable;
import dev.sfu.cluster.registry.NodeRegistry;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Owns one member's draining flag. Any member can set it (found through the Receptionist under
 * {@link #serviceKey(String)}); the flag is announced through the node registry before the answer goes back, so
 * every reachable member's placement skips a draining member from then on.
 */
public final class DrainControl {

    public sealed interface Command extends CborSerializable {
    }

    public record SetDraining(boolean draining, ActorRef<Drained> replyTo) implements Command {
    }

    public record Drained(String node, boolean draining) implements CborSerializable {
    }

    private record Announced(boolean draining, ActorRef<Drained> replyTo) implements Command {
    }

    private DrainControl() {
    }

    /** The Receptionist key of member {@code nodeId}'s control. */
    public static ServiceKey<Command> serviceKey(String nodeId) {
        return ServiceKey.create(Command.class, "sfu-drain-" + nodeId);
    }

    /**
     * @param flag     this member's draining flag, read by the registry at each announcement
     * @param announce how long to wait for every reachable member to have the new announcement
     */
    public static Behavior<Command> create(String nodeId, AtomicBoolean flag, ActorRef<NodeRegistry.Command> registry,
                                           Duration announce) {
        return Behaviors.setup(context -> {
            context.getSystem().receptionist().tell(Receptionist.register(serviceKey(nodeId), context.getSelf()));
            return Behaviors.receive(Command.class)
                    .onMessage(SetDraining.class, request -> {
                        boolean before = flag.getAndSet(request.draining());
                        if (before != request.draining()) {
                            context.getLog().info("{} is {}", nodeId, request.draining() ? "draining" : "no longer draining");
                        }
                        context.ask(Done.class, registry, announce.plusSeconds(1),
                                replyTo -> new NodeRegistry.AnnounceNow(announce, replyTo),
                                (done, failure) -> new Announced(request.draining(), request.replyTo()));
                        return Behaviors.same();
                    })
                    .onMessage(Announced.class, announced -> {
                        announced.replyTo().tell(new Drained(nodeId, announced.draining()));
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
