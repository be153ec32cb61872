package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.api.SignalingService;
import dev.sfu.signaling.auth.AccessRule;
import dev.sfu.signaling.auth.AccessToken;
import dev.sfu.signaling.auth.AuthDirectives;
import dev.sfu.signaling.auth.Right;
import dev.sfu.signaling.auth.RoomLookup;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.ProducerCreated;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.limits.ClientAddress;
import dev.sfu.signaling.limits.ClientQuotas;
import dev.sfu.signaling.limits.RateLimitDirectives;
import dev.sfu.signaling.ws.EventSocketCounters;
import dev.sfu.signaling.ws.SignalingEventSocket;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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
 * and the rooms it touches. The monitoring views (stats, connections, sfu-nodes) need only a valid token; room
 * management needs the admin right. Creating transports, producers and consumers counts against the client's
 * quotas ({@link ClientQuotas}). The dashboard's static files are public.
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
    private final ClientQuotas quotas;
    private final boolean trustForwardedFor;

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
        this.bodies = new JsonBodyDirectives(settings.maxBodyBytes(), settings.bodyReadTimeout(), validator);
        this.quotas = new ClientQuotas(settings.quotas());
        this.trustForwardedFor = settings.limits().trustForwardedFor();
        // from the start, so that no close of an object counted here is missed (the member lives as long as this)
        if (quotas.enabled()) service.subscribeToClosings(quotas::onEvent);
        this.calls = new ServiceCalls(settings.serviceTimeout());
        this.eventSocket = new SignalingEventSocket(service, settings.eventBufferSize(),
                settings.maxClientMessageBytes(), eventSocketCounters);
    }

    public EventSocketCounters eventSocketCounters() {
        return eventSocketCounters;
    }

    /** The per-client counts of open objects (tests read them). */
    public ClientQuotas quotas() {
        return quotas;
    }

    public Route routes() {
        return respondWithDefaultHeaders(CorsSupport.RESPONSE_HEADERS, () ->
                withRequestTimeoutResponse(request -> JsonResponses.error(StatusCodes.SERVICE_UNAVAILABLE,
                        "request timed out: " + request.getUri().path()), () ->
                        handleExceptions(errors.exceptionHandler(), () ->
                                handleRejections(errors.rejectionHandler(), () -> concat(
                                        cors.preflight(),
                                        pathPrefix("api", () -> guarded(false, token -> extractRequest(request ->
                                                api(token, quotas.owners(token.isUnrestricted() ? null : token.id(),
                                                        ClientAddress.of(request, trustForwardedFor)))))),
                                        path("ws", () -> guarded(true, this::events)),
                                        dashboard())))));
    }

    /** Rate limit per address, token check (a WebSocket may pass its token as ?token=), rate limit per token. */
    private Route guarded(boolean queryTokenAllowed, Function<AccessToken, Route> inner) {
        return limits.perClientAddress(() -> auth.authenticated(queryTokenAllowed, token ->
                limits.perToken(token, () -> inner.apply(token))));
    }

    private Route api(AccessToken token, List<ClientQuotas.Owner> client) {
        return concat(
                // what a mediasoup-client app calls, in the order it calls them
                path("router-rtp-capabilities", () -> get(() -> parameterOptional("room", room -> {
                    String checked = validator.requiredRoomParameter(room);
                    return auth.authorize(token, inRoom(checked, AccessRule.PARTICIPANT),
                            () -> completeJson(() -> service.routerRtpCapabilities(checked)));
                }))),
                postJson(token, "create-transport", validator::createTransport,
                        r -> inRoom(r.room(), r.direction().equals("send") ? AccessRule.PUBLISHER : AccessRule.SUBSCRIBER),
                        r -> counted(ClientQuotas.Kind.TRANSPORT, client, () -> service.createTransport(r),
                                TransportCreated::id, TransportCreated::node)),
                postJson(token, "connect-transport", validator::connectTransport,
                        r -> onObjects(AccessRule.PARTICIPANT, r.transportId()), service::connectTransport),
                postJson(token, "produce", validator::produce,
                        r -> onObjects(AccessRule.PUBLISHER, r.transportId()),
                        r -> counted(ClientQuotas.Kind.PRODUCER, client, () -> service.produce(r),
                                ProducerCreated::id, ProducerCreated::node)),
                postJson(token, "consume", validator::consume,
                        r -> onObjects(AccessRule.SUBSCRIBER, r.transportId(), r.producerId()),
                        r -> counted(ClientQuotas.Kind.CONSUMER, client, () -> service.consume(r),
                                ConsumerCreated::id, ConsumerCreated::node)),
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
                path("sfu-nodes", () -> get(() -> completeJson(service::nodes))),
                // cluster operations: draining changes what every room gets, so it takes an admin of every room
                postJson(token, "drain", validator::drain, r -> inRoom(null, Set.of(Right.ADMIN)), service::setDraining),
                path("cluster-members", () -> get(() -> completeJson(service::clusterMembers))),
                rooms(token));
    }

    /**
     * Room management, admin only: list (a token for one room sees that room), create, close. Closing is
     * {@code DELETE /api/rooms/{room}} or {@code POST /api/close-room {room}}, for clients that cannot send DELETE.
     */
    private Route rooms(AccessToken token) {
        return concat(
                path("rooms", () -> concat(
                        get(() -> auth.authorize(token, inRoom(token.room(), ADMIN), () ->
                                completeJson(() -> service.rooms().thenApply(rooms -> rooms.stream()
                                        .filter(room -> token.covers(room.room())).toList())))),
                        postJson(token, validator::room, r -> inRoom(r.room(), ADMIN),
                                r -> service.createRoom(r.room())))),
                path(segment("rooms").slash(segment()), room -> delete(() -> {
                    String checked = validator.roomSegment(room);
                    return auth.authorize(token, inRoom(checked, ADMIN), () -> completeJson(() -> service.closeRoom(checked)));
                })),
                postJson(token, "close-room", validator::room, r -> inRoom(r.room(), ADMIN),
                        r -> service.closeRoom(r.room())));
    }

    /** A creation counted against the client's quotas. */
    private <T> CompletionStage<T> counted(ClientQuotas.Kind kind, List<ClientQuotas.Owner> client,
                                           Supplier<CompletionStage<T>> create, Function<T, String> id,
                                           Function<T, String> node) {
        return quotas.create(kind, client, create, id, node);
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
        return path(name, () -> postJson(token, validate, rule, call));
    }

    /** The POST of a path matched already. */
    private <R, T> Route postJson(AccessToken token, Function<JsonNode, R> validate,
                                  Function<R, AccessRule> rule, Function<R, CompletionStage<T>> call) {
        return post(() -> bodies.jsonBody(validate, request ->
                auth.authorize(token, rule.apply(request), () -> completeJson(() -> call.apply(request)))));
    }

    private static final Set<Right> ADMIN = Set.of(Right.ADMIN);

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
            merged.put("clientQuotas", Map.of("enabled", quotas.enabled(), "tracked", quotas.tracked(),
                    "clients", quotas.clients()));
            return merged;
        });
    }
}
