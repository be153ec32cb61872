package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.api.SignalingService;
import dev.sfu.signaling.ws.EventSocketCounters;
import dev.sfu.signaling.ws.SignalingEventSocket;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP routes of one member: the signaling API a mediasoup-client app drives, the dashboard's views, the
 * {@code /ws} event stream and the dashboard's static files. Every API answer is JSON, errors included
 * ({@code {"error": "..."}}), and any origin may call it (CORS).
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

    public SignalingRoutes(SignalingService service) {
        this(service, SignalingHttpSettings.DEFAULTS);
    }

    public SignalingRoutes(SignalingService service, SignalingHttpSettings settings) {
        this.service = service;
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
                                        pathPrefix("api", this::api),
                                        path("ws", this::events),
                                        dashboard())))));
    }

    private Route api() {
        return concat(
                // what a mediasoup-client app calls, in the order it calls them
                path("router-rtp-capabilities", () -> get(() -> parameterOptional("room", room -> {
                    String checked = validator.requiredRoomParameter(room);
                    return completeJson(() -> service.routerRtpCapabilities(checked));
                }))),
                postJson("create-transport", validator::createTransport, service::createTransport),
                postJson("connect-transport", validator::connectTransport, service::connectTransport),
                postJson("produce", validator::produce, service::produce),
                postJson("consume", validator::consume, service::consume),
                postJson("resume-consumer", validator::consumerId, r -> service.resumeConsumer(r.consumerId())),
                postJson("pause-consumer", validator::consumerId, r -> service.pauseConsumer(r.consumerId())),
                postJson("close-consumer", validator::consumerId, r -> service.closeConsumer(r.consumerId())),
                postJson("pause-producer", validator::producerId, r -> service.pauseProducer(r.producerId())),
                postJson("resume-producer", validator::producerId, r -> service.resumeProducer(r.producerId())),
                postJson("close-producer", validator::producerId, r -> service.closeProducer(r.producerId())),
                postJson("close-transport", validator::transportId, r -> service.closeTransport(r.transportId())),
                // what the dashboard reads
                path("streams", () -> get(() -> parameterOptional("room", room -> {
                    String checked = validator.optionalRoomParameter(room);
                    return completeJson(() -> service.streams(checked));
                }))),
                path("stats", () -> get(() -> completeJson(this::statsWithEventSockets))),
                path("connections", () -> get(() -> completeJson(service::connections))),
                path("sfu-nodes", () -> get(() -> completeJson(service::nodes))),
                // cluster operations
                postJson("drain", validator::drain, service::setDraining),
                path("cluster-members", () -> get(() -> completeJson(service::clusterMembers))));
    }

    private Route events() {
        return parameterOptional("room", room -> {
            String checked = validator.optionalRoomParameter(room);
            return extractMaterializer(materializer ->
                    handleWebSocketMessages(eventSocket.flow(checked, materializer)));
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

    /** A POST endpoint: JSON body → validated request record → service call → JSON answer ({} for none). */
    private <R, T> Route postJson(String name, Function<JsonNode, R> validate,
                                  Function<R, CompletionStage<T>> call) {
        return path(name, () -> post(() -> bodies.jsonBody(validate, request ->
                completeJson(() -> call.apply(request)))));
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
