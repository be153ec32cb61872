package dev.sfu.signaling;

import dev.sfu.signaling.api.SignalingService;
import dev.sfu.signaling.tls.TlsContextFactory;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.ServerBuilder;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.http.javadsl.settings.WebSocketSettings;
import scala.concurrent.duration.FiniteDuration;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Binds the signaling API, dashboard and event WebSocket of one member to its HTTP port: HTTPS (and WSS) when a
 * certificate is configured, plain HTTP otherwise.
 */
public final class SignalingHttpServer {
    private SignalingHttpServer() {
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingService service) {
        return bind(system, host, port, service, SignalingHttpSettings.DEFAULTS);
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingService service, SignalingHttpSettings settings) {
        return bind(system, host, port, new SignalingRoutes(service, settings), settings);
    }

    /** {@code settings} must be those {@code routes} were built with; here they give keep-alive and TLS. */
    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingRoutes routes, SignalingHttpSettings settings) {
        ServerBuilder server = Http.get(system).newServerAt(host, port)
                .adaptSettings(serverSettings -> withClientAddress(
                        withEventSocketKeepAlive(serverSettings, settings.eventSocketKeepAlive())));
        if (settings.https().isEnabled()) {
            server = server.enableHttps(TlsContextFactory.httpsServer(settings.https()));
        }
        return server.bind(routes.routes());
    }

    /** The rate limits need each request's peer address. */
    private static ServerSettings withClientAddress(ServerSettings settings) {
        return settings.withRemoteAddressAttribute(true);
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
