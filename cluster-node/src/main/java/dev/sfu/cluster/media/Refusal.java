package dev.sfu.cluster.media;

import dev.sfu.media.ortc.OrtcException;
import dev.sfu.signaling.api.ApiException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a member refused a request: the HTTP status and message the API answers with. Exceptions do not cross the
 * cluster, so a member turns them into a refusal and the asking member turns it back into an {@link ApiException}.
 */
public record Refusal(int status, String message) {

    public ApiException toException() {
        return new ApiException(status, message);
    }

    /** Maps a failure of engine work to the refusal the client sees; anything unexpected is a 500. */
    public static Refusal of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) return new Refusal(api.status(), api.getMessage());
        if (cause instanceof OrtcException) return new Refusal(400, cause.getMessage());
        return new Refusal(500, "internal error: " + cause);
    }

    /** Whether the failure is one the client caused or expects (not worth a stack trace in the log). */
    public static boolean isExpected(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof ApiException || cause instanceof OrtcException;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
