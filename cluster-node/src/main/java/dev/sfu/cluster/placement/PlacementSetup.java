package dev.sfu.cluster.placement;

import dev.sfu.cluster.NodeSettings;
import dev.sfu.cluster.media.ShardedProducerLocator;
import dev.sfu.cluster.registry.NodeRegistry;
import dev.sfu.cluster.signaling.ClusterSignalingService;
import dev.sfu.cluster.signaling.MemberView;
import dev.sfu.cluster.signaling.Spawner;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts this member's part of placement, draining and failover: its {@link DrainControl}, the
 * {@link HomeLossWatcher}, the draining step of CoordinatedShutdown, and hands the service its
 * {@link TransportPlacement} and {@link DrainSwitch}.
 */
public final class PlacementSetup {
    /** How long a member leaving on SIGTERM waits for the others to hear it is draining. */
    static final Duration SHUTDOWN_ANNOUNCE_TIMEOUT = Duration.ofSeconds(2);

    private PlacementSetup() {
    }

    /**
     * @param drainFlag the flag the node registry announces (see {@link NodeRegistry#create})
     */
    public static void start(Spawner spawner, ActorSystem<?> system, NodeSettings settings,
                             ActorRef<NodeRegistry.Command> registry, AtomicBoolean drainFlag,
                             ClusterSignalingService service, MemberView members) {
        Duration askTimeout = settings.askTimeout();
        spawner.spawn(DrainControl.create(settings.id(), drainFlag, registry, askTimeout), "drain-control");
        spawner.spawn(HomeLossWatcher.create(settings.id(), service.eventTopic()), "home-loss-watcher");
        service.usePlacement(new TransportPlacement(members, new ShardedProducerLocator(system, askTimeout),
                PlacementSettings.from(system.settings().config())), new DrainSwitch(system, settings.id(), askTimeout));
        drainOnShutdown(system, registry, drainFlag);
    }

    /** The first phase of CoordinatedShutdown (SIGTERM included) marks the member draining before it leaves. */
    private static void drainOnShutdown(ActorSystem<?> system, ActorRef<NodeRegistry.Command> registry,
                                        AtomicBoolean drainFlag) {
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "sfu-mark-draining",
                () -> {
                    drainFlag.set(true);
                    return AskPattern.<NodeRegistry.Command, Done>ask(registry,
                                    replyTo -> new NodeRegistry.AnnounceNow(SHUTDOWN_ANNOUNCE_TIMEOUT, replyTo),
                                    SHUTDOWN_ANNOUNCE_TIMEOUT.plusSeconds(1), system.scheduler())
                            .exceptionally(failure -> Done.getInstance());
                });
    }
}
