package dev.sfu.cluster;

import dev.sfu.cluster.logging.EventLogAppender;
import dev.sfu.cluster.media.MediaLoad;
import dev.sfu.cluster.placement.PlacementSetup;
import dev.sfu.cluster.registry.NodeLoadSource;
import dev.sfu.cluster.registry.NodeRegistry;
import dev.sfu.cluster.signaling.ClusterSignalingService;
import dev.sfu.cluster.signaling.MemberView;
import dev.sfu.cluster.signaling.SfuEventTopic;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.signaling.SignalingHttpServer;
import dev.sfu.signaling.SignalingHttpSettings;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.management.javadsl.PekkoManagement;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The root actor of a member: starts the node registry, the media actors (sharding included), Pekko Management
 * and the HTTP API, then reports on {@code started}. If a server cannot bind, it stops, which terminates the actor system.
 */
public final class Guardian {

    public sealed interface Command {
    }

    private record ServersStarted(SfuNode.Started started) implements Command {
    }

    private record ServersFailed(Throwable cause) implements Command {
    }

    private Guardian() {
    }

    /**
     * @param engine     this member's media engine, already bound to its UDP port
     * @param mediaLoad  kept up to date by the media actors
     * @param loadSource what the registry announces (normally {@code mediaLoad})
     */
    public static Behavior<Command> create(NodeSettings settings, MediaEngine engine, MediaLoad mediaLoad,
                                           NodeLoadSource loadSource, CompletableFuture<SfuNode.Started> started) {
        return Behaviors.setup(context -> {
            ActorSystem<Void> system = context.getSystem();
            AtomicBoolean draining = new AtomicBoolean();
            ActorRef<NodeRegistry.Command> registry = context.spawn(
                    Behaviors.supervise(NodeRegistry.create(settings, loadSource, draining::get))
                            .onFailure(SupervisorStrategy.restart()),
                    "node-registry");

            // The media actors and the sharded entities start before the HTTP API accepts requests.
            MemberView members = new RegistryMemberView(system, settings, registry);
            ClusterSignalingService service = ClusterSignalingService.start(context::spawn, system, settings.id(), engine,
                    mediaLoad, members);
            PlacementSetup.start(context::spawn, system, settings, registry, draining, service, members);
            SfuNode.Endpoints endpoints = new SfuNode.Endpoints(settings.httpUrl(),
                    settings.managementUrl() + "/cluster/members", settings.remotingAddress(), settings.mediaAddress());
            CompletionStage<SfuNode.Started> servers = startManagement(system, settings)
                    .thenCombine(bindHttp(system, settings, service),
                            (management, http) -> new SfuNode.Started(endpoints, service));
            context.pipeToSelf(servers, (ok, failure) ->
                    failure == null ? new ServersStarted(ok) : new ServersFailed(failure));

            return Behaviors.receive(Command.class)
                    .onMessage(ServersStarted.class, message -> {
                        context.getLog().info("{} started: HTTP {}, management {}, remoting {}, media udp {}",
                                settings.id(), endpoints.httpUrl(), endpoints.membersUrl(),
                                endpoints.remotingAddress(), endpoints.mediaAddress());
                        started.complete(message.started());
                        EventLogAppender.publishTo(settings.id(), event ->
                                service.eventTopic().tell(Topic.publish(new SfuEventTopic.Published(event))));
                        system.getWhenTerminated().thenRun(EventLogAppender::stopPublishing);
                        return Behaviors.empty();
                    })
                    .onMessage(ServersFailed.class, message -> {
                        Throwable cause = Failures.unwrap(message.cause());
                        context.getLog().error("{} cannot start: {}", settings.id(), cause.getMessage());
                        started.completeExceptionally(cause);
                        return Behaviors.stopped();
                    })
                    .build();
        });
    }

    private static CompletionStage<Object> startManagement(ActorSystem<Void> system, NodeSettings settings) {
        return PekkoManagement.get(system).start().handle((uri, failure) -> {
            if (failure != null) {
                throw Failures.bindFailed("management", settings.hostname(), settings.managementPort(), failure);
            }
            return uri;
        });
    }

    private static CompletionStage<Object> bindHttp(ActorSystem<Void> system, NodeSettings settings,
                                                    SignalingService service) {
        SignalingHttpSettings http = SignalingHttpSettings.fromConfig(system.settings().config());
        if (http.auth().isOpen()) {
            system.log().warn("{}: NO ACCESS TOKENS REQUIRED - the API is open to anyone who can reach port {}. "
                    + "Set SFU_AUTH_SECRET (or sfu.auth.*) to require tokens.", settings.id(), settings.httpPort());
        }
        return SignalingHttpServer.bind(system, settings.hostname(), settings.httpPort(), service, http).handle((binding, failure) -> {
            if (failure != null) {
                throw Failures.bindFailed("HTTP", settings.hostname(), settings.httpPort(), failure);
            }
            return binding;
        });
    }
}
