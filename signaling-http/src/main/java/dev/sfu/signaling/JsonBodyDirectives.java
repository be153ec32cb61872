package dev.sfu.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.signaling.api.ApiException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads a JSON request body: checks the content type (415), reads at most {@code maxBodyBytes} (413), parses it
 * (400 "malformed JSON") and hands it to a validator that turns it into a request record (400 naming the field).
 */
final class JsonBodyDirectives extends AllDirectives {
    private static final String JSON_MEDIA_TYPE = "application/json";

    private final long maxBodyBytes;
    private final long bodyReadTimeoutMillis;
    private final RequestValidator validator;

    JsonBodyDirectives(long maxBodyBytes, Duration bodyReadTimeout, RequestValidator validator) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyReadTimeoutMillis = bodyReadTimeout.toMillis();
        this.validator = validator;
    }

    <T> Route jsonBody(Function<JsonNode, T> validate, Function<T, Route> inner) {
        return extractRequestEntity(entity -> {
            ContentType contentType = entity.getContentType();
            if (!JSON_MEDIA_TYPE.equals(contentType.mediaType().toString())) {
                return complete(JsonResponses.error(StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported content type '" + contentType + "'; expected " + JSON_MEDIA_TYPE));
            }
            return extractMaterializer(materializer -> onSuccess(readBody(entity, materializer),
                    bytes -> inner.apply(validate.apply(validator.parse(bytes)))));
        });
    }

    private CompletionStage<byte[]> readBody(RequestEntity entity, Materializer materializer) {
        if (entity.getContentLengthOption().orElse(0L) > maxBodyBytes) {
            return CompletableFuture.failedFuture(tooLarge());
        }
        // A body without Content-Length (chunked) is cut off by the size limit while it streams in.
        return entity.withSizeLimit(maxBodyBytes).toStrict(bodyReadTimeoutMillis, materializer)
                .handle((strict, failure) -> {
                    if (failure == null) {
                        return strict.getData().toArray();
                    }
                    Throwable cause = JsonResponses.unwrap(failure);
                    if (cause instanceof EntityStreamSizeException) {
                        throw tooLarge();
                    }
                    if (cause instanceof TimeoutException) {
                        throw new ApiException(408, "request body not received within " + bodyReadTimeoutMillis + " ms");
                    }
                    throw new ApiException(400, "cannot read request body: " + cause.getMessage());
                });
    }

    private ApiException tooLarge() {
        return new ApiException(413, "request body too large (limit " + maxBodyBytes + " bytes)");
    }
}
