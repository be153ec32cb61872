package dev.sfu.cluster;

import com.typesafe.config.Config;
import dev.sfu.cluster.media.MediaLoad;
import dev.sfu.cluster.registry.NodeLoadSource;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.srtp.SrtpAes;
import dev.sfu.media.srtp.SrtpAesBackend;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.typed.ActorSystem;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One running SFU member: its actor system (cluster member) with the registry, management and HTTP API up. */
public final class SfuNode implements AutoCloseable {

    /** Where a started member can be reached. */
    public record Endpoints(String httpUrl, String membersUrl, String remotingAddress, String mediaAddress) {
    }

    /** What the guardian hands back once the servers are bound. */
    record Started(Endpoints endpoints, SignalingService service) {
    }

    private final ActorSystem<Guardian.Command> system;
    private final NodeSettings settings;
    private final Started started;
    private final MediaEngine engine;

    private SfuNode(ActorSystem<Guardian.Command> system, NodeSettings settings, Started started, MediaEngine engine) {
        this.system = system;
        this.settings = settings;
        this.started = started;
        this.engine = engine;
    }

    /** Starts a member that announces its real media load. */
    public static SfuNode start(Config config) throws StartupException {
        return start(config, null);
    }

    /**
     * Starts a member and waits until its servers are bound; it joins the cluster through the configured seed nodes
     * in the background.
     *
     * @param loadOverride what the registry announces instead of the media load (tests), or null
     * @throws StartupException naming the port when a port cannot be bound
     */
    public static SfuNode start(Config config, NodeLoadSource loadOverride) throws StartupException {
        NodeSettings settings = NodeSettings.from(config);
        SrtpAes.use(srtpAesBackend(config));
        MediaEngine engine = startEngine(settings, connectTimeout(config));
        MediaLoad mediaLoad = new MediaLoad();
        NodeLoadSource loadSource = loadOverride != null ? loadOverride : mediaLoad;
        CompletableFuture<Started> started = new CompletableFuture<>();
        ActorSystem<Guardian.Command> system;
        try {
            system = ActorSystem.create(Guardian.create(settings, engine, mediaLoad, loadSource, started),
                    NodeConfig.SYSTEM_NAME, config);
        } catch (RuntimeException e) {
            engine.close();
            // Remoting binds while the actor system is created.
            throw new StartupException("remoting port " + settings.remotingPort() + " on " + settings.hostname()
                    + (Failures.hasCause(e, java.net.BindException.class) ? " is already in use" : " cannot be bound")
                    + " (" + e.getMessage() + ")", e);
        }
        // The engine outlives the actors that drive it; its port is released when the member stops.
        system.getWhenTerminated().thenRun(engine::close);
        try {
            return new SfuNode(system, settings, started.get(settings.startupTimeout().toMillis(), TimeUnit.MILLISECONDS),
                    engine);
        } catch (ExecutionException e) {
            terminate(system, settings.startupTimeout());
            Throwable cause = Failures.unwrap(e);
            throw cause instanceof StartupException startup ? startup
                    : new StartupException(settings.id() + " cannot start: " + cause, cause);
        } catch (TimeoutException e) {
            terminate(system, settings.startupTimeout());
            throw new StartupException(settings.id() + " did not start within " + settings.startupTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(system, settings.startupTimeout());
            throw new StartupException(settings.id() + ": interrupted while starting", e);
        }
    }

    private static SrtpAesBackend srtpAesBackend(Config config) throws StartupException {
        try {
            return SrtpAesBackend.parse(config.getString("sfu.media.srtp-aes"));
        } catch (RuntimeException e) {
            throw new StartupException("sfu.media.srtp-aes: " + e.getMessage(), e);
        }
    }

    private static Duration connectTimeout(Config config) throws StartupException {
        try {
            return MediaEngineConfig.of("0.0.0.0", 0, "0.0.0.0")
                    .withConnectTimeout(config.getDuration("sfu.media.transport-connect-timeout")).connectTimeout();
        } catch (RuntimeException e) {
            throw new StartupException("sfu.media.transport-connect-timeout: " + e.getMessage(), e);
        }
    }

    private static MediaEngine startEngine(NodeSettings settings, Duration connectTimeout)
            throws StartupException {
        try {
            return MediaEngine.start(MediaEngineConfig.of(settings.mediaBindHost(), settings.mediaPort(),
                    settings.announcedIp()).withConnectTimeout(connectTimeout));
        } catch (RuntimeException e) {
            throw new StartupException("media UDP port " + settings.mediaPort() + " on " + settings.mediaBindHost()
                    + " cannot be bound (" + e.getMessage() + ")", e);
        }
    }

    /** This member's media engine. */
    public MediaEngine engine() {
        return engine;
    }

    public ActorSystem<Guardian.Command> system() {
        return system;
    }

    public NodeSettings settings() {
        return settings;
    }

    public Endpoints endpoints() {
        return started.endpoints();
    }

    /** The service behind this member's HTTP API. */
    public SignalingService service() {
        return started.service();
    }

    /** Stops the member (leaving the cluster through CoordinatedShutdown) and waits until it has stopped. */
    @Override
    public void close() {
        terminate(system, settings.startupTimeout());
    }

    private static void terminate(ActorSystem<?> system, Duration timeout) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Terminating anyway; nothing more to wait for.
        }
    }
}
