package dev.sfu.signaling;

import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

import java.util.concurrent.CompletionStage;

/** Binds the signaling API, dashboard and event WebSocket of one member to its HTTP port. */
public final class SignalingHttpServer {
    private SignalingHttpServer() {
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingService service) {
        return bind(system, host, port, new SignalingRoutes(service));
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingService service, SignalingHttpSettings settings) {
        return bind(system, host, port, new SignalingRoutes(service, settings));
    }

    public static CompletionStage<ServerBinding> bind(ClassicActorSystemProvider system, String host, int port,
                                                      SignalingRoutes routes) {
        return Http.get(system).newServerAt(host, port).bind(routes.routes());
    }
}
