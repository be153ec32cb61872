package dev.sfu.media.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waits (bounded) for a condition that real sockets and threads make true; a generous bound, never a timing assertion. */
public final class Await {
    private static final long BOUND_SECONDS = 15;

    private Await() {
    }

    public static void await(Callable<Boolean> condition) throws Exception {
        await(condition, () -> "");
    }

    /** As {@link #await(Callable)}; {@code state} describes what was seen when the bound is reached. */
    public static void await(Callable<Boolean> condition, Supplier<String> state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(20);
        }
        fail("condition not met in " + BOUND_SECONDS + " s " + state.get());
    }
}
