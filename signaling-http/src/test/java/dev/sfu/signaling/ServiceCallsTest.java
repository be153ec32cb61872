package dev.sfu.signaling;

import dev.sfu.signaling.api.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceCallsTest {
    private final ServiceCalls calls = new ServiceCalls(Duration.ofMillis(100));

    private static Throwable failureOf(java.util.concurrent.CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        return JsonResponses.unwrap(e);
    }

    @Test
    void passesTheValueThrough() throws Exception {
        assertEquals("ok", calls.call(() -> CompletableFuture.completedFuture("ok")).toCompletableFuture().get());
    }

    @Test
    void passesTheServicesFailureThrough() {
        ApiException notFound = ApiException.notFound("unknown producer 'p1'");

        assertEquals(notFound, failureOf(calls.call(() -> CompletableFuture.failedFuture(notFound))));
    }

    @Test
    void turnsAThrowingOrNullCallIntoAFailure() {
        assertEquals("sync", failureOf(calls.<String>call(() -> {
            throw new IllegalStateException("sync");
        })).getMessage());
        assertInstanceOf(IllegalStateException.class, failureOf(calls.<String>call(() -> null)));
    }

    @Test
    void timesOutWithoutCompletingTheServicesFuture() {
        CompletableFuture<String> never = new CompletableFuture<>();

        Throwable failure = failureOf(calls.call(() -> never));

        assertInstanceOf(TimeoutException.class, failure);
        assertEquals("the cluster did not answer within 100 ms", failure.getMessage());
        assertFalse(never.isDone(), "the service's own future is left alone");
    }
}
