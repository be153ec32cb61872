package dev.sfu.signaling;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.ExpectedWebSocketRequestRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;

import java.util.stream.Collectors;

/** Turns exceptions and Pekko rejections into our JSON error shape, so no answer is ever plain text. */
final class ApiErrorHandlers extends AllDirectives {

    ExceptionHandler exceptionHandler() {
        return ExceptionHandler.newBuilder()
                .matchAny(failure -> complete(JsonResponses.error(failure)))
                .build();
    }

    RejectionHandler rejectionHandler() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rejections -> complete(JsonResponses.error(
                        StatusCodes.METHOD_NOT_ALLOWED, "method not allowed; supported: " + rejections.stream()
                                .map(r -> r.supported().name()).distinct().collect(Collectors.joining(", ")))))
                .handle(ExpectedWebSocketRequestRejection.class, rejection -> complete(JsonResponses.error(
                        StatusCodes.BAD_REQUEST, "expected a WebSocket upgrade request")))
                .handleNotFound(extractUri(uri -> complete(JsonResponses.error(
                        StatusCodes.NOT_FOUND, "no such endpoint: " + uri.path()))))
                .build()
                .withFallback(RejectionHandler.defaultHandler())
                .mapRejectionResponse(response -> {
                    // Pekko's default handler answers in plain text; keep its status and wording, in our shape.
                    if (response.entity().getContentType().equals(ContentTypes.APPLICATION_JSON)) {
                        return response;
                    }
                    String text = response.entity() instanceof HttpEntity.Strict strict
                            ? strict.getData().utf8String() : response.status().reason();
                    return JsonResponses.error(response.status(), text);
                });
    }
}
