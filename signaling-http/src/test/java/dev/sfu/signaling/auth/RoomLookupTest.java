package dev.sfu.signaling.auth;

import dev.sfu.signaling.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoomLookupTest {
    private static final Map<String, String> ROOMS = Map.of("t1", "r1", "p1", "r2");
    private static final Function<String, CompletionStage<String>> ROOM_OF = id -> ROOMS.containsKey(id)
            ? CompletableFuture.completedFuture(ROOMS.get(id))
            : CompletableFuture.failedFuture(ApiException.notFound("unknown id '" + id + "'"));

    @Test
    void aNamedRoomIsItselfAndNoRoomIsEveryRoom() throws Exception {
        assertEquals(List.of("r1"), rooms(RoomLookup.room("r1")));
        assertEquals(List.of(AccessToken.ANY_ROOM), rooms(RoomLookup.room(null)));
    }

    @Test
    void idsAreLookedUpEachInItsRoom() throws Exception {
        assertEquals(List.of("r1", "r2"), rooms(RoomLookup.ofIds(ROOM_OF, "t1", "p1")));
    }

    @Test
    void anUnknownIdFailsTheLookup() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> rooms(RoomLookup.ofIds(ROOM_OF, "t1", "t9")));

        assertEquals(404, assertInstanceOf(ApiException.class, e.getCause()).status());
    }

    @Test
    void aServiceThatCannotSayGivesNull() throws Exception {
        // AuthDirectives refuses a null room rather than guessing.
        assertEquals(Arrays.asList((String) null), rooms(RoomLookup.ofIds(id -> CompletableFuture.completedFuture(null), "x")));
    }

    private static List<String> rooms(RoomLookup lookup) throws Exception {
        return lookup.rooms().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
