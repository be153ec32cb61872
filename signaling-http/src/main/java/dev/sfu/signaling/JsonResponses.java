package dev.sfu.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sfu.signaling.api.ApiException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Builds every response of the API: a JSON body, errors as {@code {"error": "..."}}. */
public final class JsonResponses {
    private static final Logger log = LoggerFactory.getLogger(JsonResponses.class);

    private JsonResponses() {
    }

    public static HttpResponse json(StatusCode status, Object body) {
        try {
            return HttpResponse.create()
                    .withStatus(status)
                    .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, JsonSupport.MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            log.error("cannot serialize a {} response", body.getClass().getName(), e);
            return error(StatusCodes.INTERNAL_SERVER_ERROR, "cannot serialize response: " + e.getOriginalMessage());
        }
    }

    public static HttpResponse ok(Object body) {
        return json(StatusCodes.OK, body == null ? Map.of() : body);
    }

    public static HttpResponse error(StatusCode status, String message) {
        return json(status, Map.of("error", message));
    }

    public static HttpResponse error(int status, String message) {
        return error(StatusCodes.get(status), message);
    }

    /**
     * The answer to a failed request: an {@link ApiException} keeps its status and message, a timeout is 504,
     * an oversized body 413; anything else is an internal error, logged here.
     */
    public static HttpResponse error(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return error(api.status(), api.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return error(StatusCodes.GATEWAY_TIMEOUT, cause.getMessage());
        }
        if (cause instanceof EntityStreamSizeException tooBig) {
            return error(StatusCodes.PAYLOAD_TOO_LARGE, "request body too large (limit " + tooBig.limit() + " bytes)");
        }
        log.error("request failed", cause);
        return error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
