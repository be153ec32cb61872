package dev.sfu.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.SignalingService;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The HTTP routes of one member. Every answer is JSON, errors included ({@code {"error": "..."}}). */
public final class SignalingRoutes extends AllDirectives {
    private static final Logger log = LoggerFactory.getLogger(SignalingRoutes.class);

    private final SignalingService service;

    public SignalingRoutes(SignalingService service) {
        this.service = service;
    }

    public Route routes() {
        return handleExceptions(exceptionHandler(), () -> handleRejections(rejectionHandler(), () ->
                concat(
                        pathPrefix("api", this::apiRoutes),
                        staticDashboard())));
    }

    private Route apiRoutes() {
        return concat(
                path("sfu-nodes", () -> get(() -> completeJson(service::nodes))));
    }

    private Route staticDashboard() {
        return get(() -> concat(
                pathEndOrSingleSlash(() -> getFromResource("dashboard/index.html")),
                getFromResourceDirectory("dashboard")));
    }

    /** Completes with the JSON of the stage's value, or with the error it failed with. */
    private <T> Route completeJson(Supplier<CompletionStage<T>> call) {
        CompletionStage<HttpResponse> response = call.get()
                .thenApply(value -> jsonResponse(StatusCodes.OK, value))
                .exceptionally(SignalingRoutes::errorResponse);
        return completeWithFuture(response);
    }

    static HttpResponse jsonResponse(StatusCode status, Object body) {
        try {
            return HttpResponse.create()
                    .withStatus(status)
                    .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, JsonSupport.MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize response", e);
        }
    }

    static HttpResponse errorResponse(StatusCode status, String message) {
        return jsonResponse(status, Map.of("error", message));
    }

    static HttpResponse errorResponse(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return errorResponse(StatusCodes.get(api.status()), api.getMessage());
        }
        log.error("request failed", cause);
        return errorResponse(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + cause);
    }

    private static ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder().matchAny(e -> new AllDirectives() {
        }.complete(errorResponse(e))).build();
    }

    private RejectionHandler rejectionHandler() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rejections -> complete(errorResponse(StatusCodes.METHOD_NOT_ALLOWED,
                        "method not allowed; supported: " + rejections.stream()
                                .map(r -> r.supported().name()).distinct().collect(Collectors.joining(", ")))))
                .handleNotFound(extractUnmatchedPath(unmatched -> extractUri(uri ->
                        complete(errorResponse(StatusCodes.NOT_FOUND, "no such endpoint: " + uri.path())))))
                .build()
                .withFallback(RejectionHandler.defaultHandler())
                .mapRejectionResponse(response -> {
                    // Turn Pekko's plain-text rejections (bad JSON, missing parameter, ...) into our JSON shape.
                    if (response.entity().getContentType().equals(ContentTypes.APPLICATION_JSON)) {
                        return response;
                    }
                    String text = response.entity() instanceof org.apache.pekko.http.javadsl.model.HttpEntity.Strict strict
                            ? strict.getData().utf8String() : response.status().reason();
                    return errorResponse(response.status(), text);
                });
    }
}
