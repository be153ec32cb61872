package dev.sfu.cluster.media;

import dev.sfu.cluster.CborSerializable;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * The cluster's source of truth for one producer, sharded by producer id: any member can find a producer's home,
 * room and consumable RTP parameters without knowing where it lives. The home member's {@link MediaNode}
 * registers it on produce and closes it when the producer closes. Issue 5 (cross-member piping) adds the members
 * a producer is piped to.
 */
public final class ProducerEntity extends AbstractBehavior<ProducerEntity.Command> {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Producer");

    public sealed interface Command extends CborSerializable {
    }

    /** Records (or replaces) the producer this entity stands for. */
    public record Register(ProducerRecord producer, ActorRef<Done> replyTo) implements Command {
    }

    public record SetPaused(boolean paused, ActorRef<Done> replyTo) implements Command {
    }

    /** Forgets the producer and stops the entity. */
    public record Close(ActorRef<Done> replyTo) implements Command {
    }

    public record Get(ActorRef<Lookup> replyTo) implements Command {
    }

    /** The answer to {@link Get}: {@code producer} is null when no live producer has this id. */
    public record Lookup(String producerId, ProducerRecord producer) implements CborSerializable {
    }

    public static void init(ActorSystem<?> system) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY, entityContext -> create(entityContext.getEntityId())));
    }

    public static Behavior<Command> create(String producerId) {
        return Behaviors.setup(context -> new ProducerEntity(context, producerId));
    }

    private final String producerId;
    private ProducerRecord producer; // null until registered

    private ProducerEntity(ActorContext<Command> context, String producerId) {
        super(context);
        this.producerId = producerId;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Register.class, this::onRegister)
                .onMessage(SetPaused.class, this::onSetPaused)
                .onMessage(Close.class, this::onClose)
                .onMessage(Get.class, this::onGet)
                .build();
    }

    private Behavior<Command> onRegister(Register register) {
        if (!producerId.equals(register.producer().producerId())) {
            getContext().getLog().warn("ignoring registration of '{}' at entity '{}'",
                    register.producer().producerId(), producerId);
        } else {
            producer = register.producer();
        }
        register.replyTo().tell(Done.getInstance());
        return this;
    }

    private Behavior<Command> onSetPaused(SetPaused setPaused) {
        if (producer != null) producer = producer.withPaused(setPaused.paused());
        setPaused.replyTo().tell(Done.getInstance());
        return this;
    }

    private Behavior<Command> onClose(Close close) {
        close.replyTo().tell(Done.getInstance());
        return Behaviors.stopped();
    }

    private Behavior<Command> onGet(Get get) {
        get.replyTo().tell(new Lookup(producerId, producer));
        return this;
    }
}
