package dev.sfu.cluster.media;

import dev.sfu.cluster.CborSerializable;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's source of truth for one producer, sharded by producer id: its home member, room, kind, consumable
 * RTP parameters, paused state and the members it is piped to. Any member finds a producer through it, and it
 * serializes piping: a member that wants the producer sends {@link RequestPipe}; the entity asks the home's
 * {@link MediaNode} to open the pipe once per member however many requests arrive meanwhile, answers every
 * requester with the {@link PipeOffer}, and from then on forwards pause, resume and close to every piped member.
 *
 * <p>The entity keeps its state in memory only. A new incarnation (after its member died, a rebalance or
 * passivation) that is not first told {@link Register} rebuilds its state from the home's MediaNode, which is the
 * authority on its own producers and the pipes it feeds, before it handles anything else.
 */
public final class ProducerEntity {

    public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Producer");
    private static final int STASH_CAPACITY = 1000;

    public sealed interface Command extends CborSerializable {
    }

    /** Records (or replaces) the producer this entity stands for and the home MediaNode that holds it. */
    public record Register(ProducerRecord producer, ActorRef<MediaNode.Command> home, List<PipedMember> pipedTo,
                           ActorRef<Done> replyTo) implements Command {
    }

    public record SetPaused(boolean paused, ActorRef<Done> replyTo) implements Command {
    }

    /** The producer closed at its home: tells every piped member (those given and those known), then stops. */
    public record Close(List<PipedMember> pipedTo, ActorRef<Done> replyTo) implements Command {
    }

    public record Get(ActorRef<Lookup> replyTo) implements Command {
    }

    /** The answer to {@link Get}: {@code producer} is null when no live producer has this id. */
    public record Lookup(String producerId, ProducerRecord producer) implements CborSerializable {
    }

    /**
     * Member {@code member} wants the producer piped into its router for {@code room}; the answer is a
     * {@link MediaNode.PipeOffered} told to {@code mediaNode} (so that it is ordered with later pause/close).
     */
    public record RequestPipe(String room, String member, String mediaAddress, ActorRef<MediaNode.Command> mediaNode)
            implements Command {
    }

    /** Member {@code member} released its copy: the home stops sending it there. */
    public record PipeReleased(String member) implements Command {
    }

    private record PipeOpenedAtHome(String member, PipeOffer offer, Refusal refusal) implements Command {
    }

    private record HomeFound(ActorRef<MediaNode.Command> home) implements Command {
    }

    private record Recovered(MediaNode.ProducerReport report) implements Command {
    }

    private enum HomeGone implements Command { INSTANCE }

    public static void init(ActorSystem<?> system) {
        ClusterSharding.get(system).init(Entity.of(TYPE_KEY,
                entityContext -> create(entityContext.getEntityId(), entityContext.getShard())));
    }

    /** @param shard the entity's shard, asked to passivate it once its producer is gone; null: just stop */
    public static Behavior<Command> create(String producerId, ActorRef<ClusterSharding.ShardCommand> shard) {
        return Behaviors.setup(context -> Behaviors.withStash(STASH_CAPACITY,
                stash -> new ProducerEntity(context, stash, producerId, shard).starting()));
    }

    // passed by argument
    private final ActorContext<Command> context;
    private final StashBuffer<Command> stash;
    private final String producerId;
    private final Duration askTimeout;
    private final ActorRef<ClusterSharding.ShardCommand> shard;

    // state
    private ProducerRecord producer; // null while unknown
    private ActorRef<MediaNode.Command> home;
    private final Map<String, ActorRef<MediaNode.Command>> pipedTo = new LinkedHashMap<>();
    /** Requests waiting for a pipe the home is opening, by member. */
    private final Map<String, List<RequestPipe>> opening = new HashMap<>();

    private ProducerEntity(ActorContext<Command> context, StashBuffer<Command> stash, String producerId,
                           ActorRef<ClusterSharding.ShardCommand> shard) {
        this.context = context;
        this.shard = shard;
        this.stash = stash;
        this.producerId = producerId;
        this.askTimeout = context.getSystem().settings().config().getDuration("sfu.ask-timeout");
    }

    // ---- starting: a Register makes the entity ready at once; anything else waits for the state to be rebuilt

    private Behavior<Command> starting() {
        return Behaviors.receive(Command.class)
                .onMessage(Register.class, register -> {
                    onRegister(register);
                    return ready();
                })
                .onAnyMessage(message -> {
                    stash.stash(message);
                    recoverFromHome();
                    return recovering();
                })
                .build();
    }

    private Behavior<Command> recovering() {
        return Behaviors.receive(Command.class)
                .onMessage(HomeFound.class, found -> {
                    if (found.home() == null) return finishRecovery(null);
                    context.ask(MediaNode.ProducerReport.class, found.home(),
                            askTimeout, replyTo -> new MediaNode.ReportProducer(producerId, replyTo),
                            (report, failure) -> new Recovered(failure == null ? report : null));
                    home = found.home();
                    return Behaviors.same();
                })
                .onMessage(Recovered.class, recovered -> finishRecovery(recovered.report()))
                .onMessage(Register.class, register -> {
                    onRegister(register);
                    return stash.unstashAll(ready());
                })
                .onAnyMessage(message -> {
                    stash.stash(message);
                    return Behaviors.same();
                })
                .build();
    }

    private void recoverFromHome() {
        String homeNode = MediaIds.homeNode(producerId).orElse(null);
        if (homeNode == null) {
            context.getSelf().tell(new HomeFound(null));
            return;
        }
        context.ask(Receptionist.Listing.class, context.getSystem().receptionist(), askTimeout,
                replyTo -> Receptionist.find(MediaNode.SERVICE_KEY, replyTo),
                (listing, failure) -> {
                    if (failure != null) return new HomeFound(null);
                    return new HomeFound(listing.getServiceInstances(MediaNode.SERVICE_KEY).stream()
                            .filter(ref -> homeNode.equals(MediaNode.nodeIdOf(ref)))
                            .findFirst().orElse(null));
                });
    }

    private Behavior<Command> finishRecovery(MediaNode.ProducerReport report) {
        if (report != null && report.producer() != null) {
            producer = report.producer();
            report.pipedTo().forEach(m -> pipedTo.put(m.node(), m.mediaNode()));
            context.watchWith(home, HomeGone.INSTANCE);
            context.getLog().info("producer {} recovered from its home (piped to {})", producerId, pipedTo.keySet());
        } else {
            home = null;
        }
        return stash.unstashAll(ready());
    }

    // ---- ready

    private Behavior<Command> ready() {
        return Behaviors.receive(Command.class)
                .onMessage(Register.class, register -> {
                    onRegister(register);
                    return Behaviors.same();
                })
                .onMessage(SetPaused.class, this::onSetPaused)
                .onMessage(Close.class, this::onClose)
                .onMessage(Get.class, this::onGet)
                .onMessage(RequestPipe.class, this::onRequestPipe)
                .onMessage(PipeOpenedAtHome.class, this::onPipeOpenedAtHome)
                .onMessage(PipeReleased.class, this::onPipeReleased)
                .onMessageEquals(HomeGone.INSTANCE, this::onHomeGone)
                .onMessage(HomeFound.class, ignored -> Behaviors.same())
                .onMessage(Recovered.class, ignored -> Behaviors.same())
                .build();
    }

    private void onRegister(Register register) {
        if (!producerId.equals(register.producer().producerId())) {
            context.getLog().warn("ignoring registration of '{}' at entity '{}'",
                    register.producer().producerId(), producerId);
        } else {
            producer = register.producer();
            if (register.home() != null) {
                home = register.home();
                context.watchWith(home, HomeGone.INSTANCE);
            }
            if (register.pipedTo() != null) register.pipedTo().forEach(m -> pipedTo.put(m.node(), m.mediaNode()));
        }
        register.replyTo().tell(Done.getInstance());
    }

    private Behavior<Command> onSetPaused(SetPaused setPaused) {
        if (producer != null) {
            producer = producer.withPaused(setPaused.paused());
            pipedTo.values().forEach(member -> member.tell(
                    new MediaNode.SetPipeProducerPaused(producerId, setPaused.paused())));
        }
        setPaused.replyTo().tell(Done.getInstance());
        return Behaviors.same();
    }

    private Behavior<Command> onClose(Close close) {
        if (close.pipedTo() != null) close.pipedTo().forEach(m -> pipedTo.putIfAbsent(m.node(), m.mediaNode()));
        closeEverywhere("producer '" + producerId + "' closed");
        close.replyTo().tell(Done.getInstance());
        return forget();
    }

    private Behavior<Command> onHomeGone() {
        context.getLog().info("home of producer {} is gone", producerId);
        closeEverywhere("the home member of producer '" + producerId + "' is gone");
        return forget();
    }

    /**
     * The producer is gone: answer "unknown" from now on and ask the shard to passivate this entity, so that
     * messages already on their way are answered rather than lost with a stopping actor.
     */
    private Behavior<Command> forget() {
        producer = null;
        if (home != null) context.unwatch(home);
        home = null;
        pipedTo.clear();
        if (shard == null) return Behaviors.stopped();
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
        return Behaviors.same();
    }

    private void closeEverywhere(String why) {
        pipedTo.values().forEach(member -> member.tell(new MediaNode.ClosePipeProducer(producerId)));
        opening.values().forEach(waiting -> waiting.forEach(request -> request.mediaNode().tell(
                new MediaNode.PipeOffered(producerId, null, null, new Refusal(404, why)))));
        opening.clear();
    }

    private Behavior<Command> onGet(Get get) {
        get.replyTo().tell(new Lookup(producerId, currentRecord()));
        return Behaviors.same();
    }

    private Behavior<Command> onRequestPipe(RequestPipe request) {
        if (producer == null || home == null) {
            request.mediaNode().tell(new MediaNode.PipeOffered(producerId, null, null,
                    new Refusal(404, "unknown producer id '" + producerId + "'")));
            return Behaviors.same();
        }
        if (!producer.room().equals(request.room())) {
            request.mediaNode().tell(new MediaNode.PipeOffered(producerId, null, null, new Refusal(404,
                    "unknown producer id '" + producerId + "' in room '" + request.room() + "'")));
            return Behaviors.same();
        }
        List<RequestPipe> waiting = opening.get(request.member());
        if (waiting != null) {
            waiting.add(request); // the pipe to that member is being opened: answer with it
            return Behaviors.same();
        }
        waiting = new ArrayList<>();
        waiting.add(request);
        opening.put(request.member(), waiting);
        context.ask(MediaNode.PipeOpened.class, home, askTimeout,
                replyTo -> new MediaNode.OpenPipe(producerId, request.member(), request.mediaAddress(),
                        request.mediaNode(), replyTo),
                (opened, failure) -> failure != null
                        ? new PipeOpenedAtHome(request.member(), null,
                        new Refusal(503, "the home of producer '" + producerId + "' did not open a pipe: " + failure))
                        : new PipeOpenedAtHome(request.member(), opened.offer(), opened.refusal()));
        return Behaviors.same();
    }

    private Behavior<Command> onPipeOpenedAtHome(PipeOpenedAtHome opened) {
        List<RequestPipe> waiting = opening.remove(opened.member());
        if (waiting == null) return Behaviors.same();
        if (opened.offer() != null) pipedTo.put(opened.member(), waiting.get(0).mediaNode());
        for (RequestPipe request : waiting) {
            request.mediaNode().tell(new MediaNode.PipeOffered(producerId, opened.offer(), home, opened.refusal()));
        }
        // The home's answer and its pause/resume reach us by different paths: bring the new copy up to date.
        if (opened.offer() != null && producer != null && producer.paused() != opened.offer().paused()) {
            waiting.get(0).mediaNode().tell(new MediaNode.SetPipeProducerPaused(producerId, producer.paused()));
        }
        return Behaviors.same();
    }

    private Behavior<Command> onPipeReleased(PipeReleased released) {
        pipedTo.remove(released.member());
        // told even when this incarnation did not know the pipe: closing an unknown pipe is a no-op at the home
        if (home != null) home.tell(new MediaNode.ClosePipe(producerId, released.member()));
        return Behaviors.same();
    }

    private ProducerRecord currentRecord() {
        if (producer == null) return null;
        return new ProducerRecord(producer.producerId(), producer.node(), producer.room(), producer.kind(),
                producer.consumableRtpParameters(), producer.paused(), List.copyOf(pipedTo.keySet()));
    }
}
