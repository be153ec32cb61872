package dev.sfu.signaling.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The rooms a request touches, found only once its token is known to be worth the lookup. A request names its
 * room, or only ids whose room the service knows ({@code roomOf}); a request about every room names
 * {@value AccessToken#ANY_ROOM}.
 */
@FunctionalInterface
public interface RoomLookup {

    CompletionStage<List<String>> rooms();

    /** A request about one named room; null stands for every room. */
    static RoomLookup room(String room) {
        List<String> rooms = List.of(room == null ? AccessToken.ANY_ROOM : room);
        return () -> CompletableFuture.completedFuture(rooms);
    }

    /** A request about the objects {@code ids} (transports, producers, consumers), each in its own room. */
    static RoomLookup ofIds(Function<String, CompletionStage<String>> roomOf, String... ids) {
        return () -> {
            List<CompletableFuture<String>> lookups = new ArrayList<>();
            for (String id : ids) {
                lookups.add(roomOf.apply(id).toCompletableFuture());
            }
            return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                    .thenApply(done -> lookups.stream().map(CompletableFuture::join).toList());
        };
    }
}
