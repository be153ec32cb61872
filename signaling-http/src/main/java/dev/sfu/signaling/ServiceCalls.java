package dev.sfu.signaling;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Calls into the service with a deadline, so a request never waits on a cluster that does not answer. */
final class ServiceCalls {
    private final Duration timeout;

    ServiceCalls(Duration timeout) {
        this.timeout = timeout;
    }

    /** The call's result, or a failure: what it threw, or a {@link TimeoutException} once the deadline passed. */
    <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the service returned no result"));
        }
        // Our own future, so the timeout never completes one that belongs to the service.
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        });
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            Throwable cause = JsonResponses.unwrap(failure);
            if (cause instanceof TimeoutException && cause.getMessage() == null) {
                throw new CompletionException(new TimeoutException(
                        "the cluster did not answer within " + timeout.toMillis() + " ms"));
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        });
    }
}
