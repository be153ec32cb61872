package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.api.SignalingService;
import dev.sfu.signaling.auth.AccessRule;
import dev.sfu.signaling.auth.AccessToken;
import dev.sfu.signaling.auth.AuthDirectives;
import dev.sfu.signaling.auth.Right;
import dev.sfu.signaling.auth.RoomLookup;
import dev.sfu.signaling.limits.RateLimitDirectives;
import dev.sfu.signaling.ws.EventSocketCounters;
import dev.sfu.signaling.ws.SignalingEventSocket;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP routes of one member: the signaling API a mediasoup-client app drives, the dashboard's views, the
 * {@code /ws} event stream and the dashboard's static files. Every API answer is JSON, errors included
 * ({@code {"error": "..."}}), and any origin may call it (CORS).
 * <p>
 * The API and {@code /ws} are guarded: rate limited per client address, then (when a key is configured) an access
 * token is required, then rate limited per token. Each endpoint names the {@link AccessRule} it needs: the rights
 * and the rooms it touches. The monitoring views (stats, connections, sfu-nodes) need only a valid token. The
 * dashboard's static files are public.
 */
public final class SignalingRoutes extends AllDirectives {
    private final SignalingService service;
    private final RequestValidator validator = new RequestValidator();
    private final JsonBodyDirectives bodies;
    private final ServiceCalls calls;
    private final EventSocketCounters eventSocketCounters = new EventSocketCounters();
    private final SignalingEventSocket eventSocket;
    private final CorsSupport cors = new CorsSupport();
    private final ApiErrorHandlers errors = new ApiErrorHandlers();
    private final AuthDirectives auth;
    private final RateLimitDirectives limits;

    public SignalingRoutes(SignalingService service) {
        this(service, SignalingHttpSettings.DEFAULTS);
    }

    public SignalingRoutes(SignalingService service, SignalingHttpSettings settings) {
        this(service, settings, Clock.systemUTC());
    }

    /** {@code clock} decides token expiry and refills rate limits (tests move it by hand). */
    public SignalingRoutes(SignalingService service, SignalingHttpSettings settings, Clock clock) {
        this.service = service;
        this.auth = new AuthDirectives(settings.auth(), clock);
        this.limits = new RateLimitDirectives(settings.limits(), clock);
        this.bodies = new JsonBodyDirectives(settings.maxBodyBytes(), validator);
        this.calls = new ServiceCalls(settings.serviceTimeout());
        this.eventSocket = new SignalingEventSocket(service, settings.eventBufferSize(),
                settings.maxClientMessageBytes(), eventSocketCounters);
    }

    public EventSocketCounters eventSocketCounters() {
        return eventSocketCounters;
    }

    public Route routes() {
        return respondWithDefaultHeaders(CorsSupport.RESPONSE_HEADERS, () ->
                withRequestTimeoutResponse(request -> JsonResponses.error(StatusCodes.SERVICE_UNAVAILABLE,
                        "request timed out: " + request.getUri().path()), () ->
                        handleExceptions(errors.exceptionHandler(), () ->
                                handleRejections(errors.rejectionHandler(), () -> concat(
                                        cors.preflight(),
                                        pathPrefix("api", () -> guarded(false, this::api)),
                                        path("ws", () -> guarded(true, this::events)),
                                        dashboard())))));
    }

    /** Rate limit per address, token check (a WebSocket may pass its token as ?token=), rate limit per token. */
    private Route guarded(boolean queryTokenAllowed, Function<AccessToken, Route> inner) {
        return limits.perClientAddress(() -> auth.authenticated(queryTokenAllowed, token ->
                limits.perToken(token, () -> inner.apply(token))));
    }

    private Route api(AccessToken token) {
        return concat(
                // what a mediasoup-client app calls, in the order it calls them
                path("router-rtp-capabilities", () -> get(() -> parameterOptional("room", room -> {
                    String checked = validator.requiredRoomParameter(room);
                    return auth.authorize(token, inRoom(checked, AccessRule.PARTICIPANT),
                            () -> completeJson(() -> service.routerRtpCapabilities(checked)));
                }))),
                postJson(token, "create-transport", validator::createTransport,
                        r -> inRoom(r.room(), r.direction().equals("send") ? AccessRule.PUBLISHER : AccessRule.SUBSCRIBER),
                        service::createTransport),
                postJson(token, "connect-transport", validator::connectTransport,
                        r -> onObjects(AccessRule.PARTICIPANT, r.transportId()), service::connectTransport),
                postJson(token, "produce", validator::produce,
                        r -> onObjects(AccessRule.PUBLISHER, r.transportId()), service::produce),
                postJson(token, "consume", validator::consume,
                        r -> onObjects(AccessRule.SUBSCRIBER, r.transportId(), r.producerId()), service::consume),
                postJson(token, "resume-consumer", validator::consumerId,
                        r -> onObjects(AccessRule.SUBSCRIBER, r.consumerId()), r -> service.resumeConsumer(r.consumerId())),
                postJson(token, "pause-consumer", validator::consumerId,
                        r -> onObjects(AccessRule.SUBSCRIBER, r.consumerId()), r -> service.pauseConsumer(r.consumerId())),
                postJson(token, "close-consumer", validator::consumerId,
                        r -> onObjects(AccessRule.SUBSCRIBER, r.consumerId()), r -> service.closeConsumer(r.consumerId())),
                postJson(token, "pause-producer", validator::producerId,
                        r -> onObjects(AccessRule.PUBLISHER, r.producerId()), r -> service.pauseProducer(r.producerId())),
                postJson(token, "resume-producer", validator::producerId,
                        r -> onObjects(AccessRule.PUBLISHER, r.producerId()), r -> service.resumeProducer(r.producerId())),
                postJson(token, "close-producer", validator::producerId,
                        r -> onObjects(AccessRule.PUBLISHER, r.producerId()), r -> service.closeProducer(r.producerId())),
                postJson(token, "close-transport", validator::transportId,
                        r -> onObjects(AccessRule.PARTICIPANT, r.transportId()), r -> service.closeTransport(r.transportId())),
                // what the dashboard reads; streams are per room, the monitoring views need only a valid token
                path("streams", () -> get(() -> parameterOptional("room", room -> {
                    String checked = validator.optionalRoomParameter(room);
                    return auth.authorize(token, inRoom(checked, AccessRule.PARTICIPANT),
                            () -> completeJson(() -> service.streams(checked)));
                }))),
                path("stats", () -> get(() -> completeJson(this::statsWithEventSockets))),
                path("connections", () -> get(() -> completeJson(service::connections))),
                path("sfu-nodes", () -> get(() -> completeJson(service::nodes))));
    }

    private Route events(AccessToken token) {
        return parameterOptional("room", room -> {
            String checked = validator.optionalRoomParameter(room);
            return auth.authorize(token, inRoom(checked, AccessRule.PARTICIPANT), () ->
                    extractMaterializer(materializer ->
                            handleWebSocketMessages(eventSocket.flow(checked, materializer))));
        });
    }

    /** The dashboard's files; never answers under /api, so unknown API paths stay JSON 404s. */
    private Route dashboard() {
        return extractUnmatchedPath(path -> path.equals("/api") || path.startsWith("/api/")
                ? reject()
                : get(() -> concat(
                        pathEndOrSingleSlash(() -> getFromResource("dashboard/index.html")),
                        getFromResourceDirectory("dashboard"))));
    }

    /**
     * A POST endpoint: JSON body → validated request record → access check → service call → JSON answer ({} for
     * none).
     */
    private <R, T> Route postJson(AccessToken token, String name, Function<JsonNode, R> validate,
                                  Function<R, AccessRule> rule, Function<R, CompletionStage<T>> call) {
        return path(name, () -> post(() -> bodies.jsonBody(validate, request ->
                auth.authorize(token, rule.apply(request), () -> completeJson(() -> call.apply(request))))));
    }

    /** A request about a named room (null: every room). */
    private static AccessRule inRoom(String room, Set<Right> anyOf) {
        return new AccessRule(anyOf, RoomLookup.room(room));
    }

    /** A request about transports, producers or consumers, each in the room the service knows it by. */
    private AccessRule onObjects(Set<Right> anyOf, String... ids) {
        return new AccessRule(anyOf, RoomLookup.ofIds(id -> calls.call(() -> service.roomOf(id)), ids));
    }

    private <T> Route completeJson(Supplier<CompletionStage<T>> call) {
        return completeWithFuture(calls.call(call)
                .thenApply(JsonResponses::ok)
                .exceptionally(JsonResponses::error));
    }

    private CompletionStage<Map<String, Object>> statsWithEventSockets() {
        return service.stats().thenApply(stats -> {
            Map<String, Object> merged = new LinkedHashMap<>(stats == null ? Map.of() : stats);
            merged.put("eventSockets", eventSocketCounters.snapshot());
            return merged;
        });
    }
}
