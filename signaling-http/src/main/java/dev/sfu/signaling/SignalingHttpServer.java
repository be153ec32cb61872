package dev.sfu.signaling;

import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.http.javadsl.settings.WebSocketSettings;
import scala.concurrent.duration.FiniteDuration;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Binds the signaling API, dashboard and event WebSocket of one member to its HTTP port. */
public final class SignalingHttpServer {
    private SignalingHttpServer() {
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingService service) {
        return bind(system, host, port, service, SignalingHttpSettings.DEFAULTS);
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingService service, SignalingHttpSettings settings) {
        return bind(system, host, port, new SignalingRoutes(service, settings), settings.eventSocketKeepAlive());
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingRoutes routes, Duration eventSocketKeepAlive) {
        return Http.get(system).newServerAt(host, port)
                .adaptSettings(settings -> withEventSocketKeepAlive(settings, eventSocketKeepAlive))
                .bind(routes.routes());
    }

    /** Pings idle WebSocket clients, unless the configuration already chose a keep-alive. */
    private static ServerSettings withEventSocketKeepAlive(ServerSettings settings, Duration keepAlive) {
        WebSocketSettings webSocket = settings.getWebsocketSettings();
        if (webSocket.periodicKeepAliveMaxIdle().isFinite()) {
            return settings;
        }
        return settings.withWebsocketSettings(webSocket
                .withPeriodicKeepAliveMode("ping")
                .withPeriodicKeepAliveMaxIdle(FiniteDuration.create(keepAlive.toMillis(), TimeUnit.MILLISECONDS)));
    }
}
