package dev.sfu.signaling.auth;

import dev.sfu.signaling.JsonResponses;
import dev.sfu.signaling.api.ApiException;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Access control of the API in two steps. {@link #authenticated} finds and verifies the bearer token before
 * anything else is read (401 when missing or invalid). {@link #authorize}, once the request is parsed, checks that
 * the token holds one of the rights the request needs (403) and reaches every room it touches (403). In open mode
 * (no key configured) every request carries an unrestricted token and no room is looked up.
 */
public final class AuthDirectives extends AllDirectives {
    private static final String BEARER = "bearer ";
    private static final String QUERY_TOKEN = "token";

    private final TokenVerifier verifier;

    public AuthDirectives(AuthSettings settings, Clock clock) {
        this.verifier = settings.isOpen() ? null : new TokenVerifier(settings, clock);
    }

    /** The request's token from {@code Authorization: Bearer}, or (if {@code queryTokenAllowed}) {@code ?token=}. */
    public Route authenticated(boolean queryTokenAllowed, Function<AccessToken, Route> inner) {
        if (verifier == null) {
            return inner.apply(AccessToken.unrestricted());
        }
        return optionalHeaderValueByName("Authorization", header -> queryTokenAllowed
                ? parameterOptional(QUERY_TOKEN, query -> verified(header, query, inner))
                : verified(header, Optional.empty(), inner));
    }

    /**
     * Passes to {@code inner} only when {@code token} satisfies {@code rule}. The rights are checked first, so a
     * token without them costs no room lookup; a failed lookup (an unknown id: 404) is answered as the service's
     * error.
     */
    public Route authorize(AccessToken token, AccessRule rule, Supplier<Route> inner) {
        if (token.isUnrestricted()) {
            return inner.get();
        }
        if (!token.grantsAnyOf(rule.anyOf())) {
            return complete(JsonResponses.error(StatusCodes.FORBIDDEN, "token lacks the right for this request"
                    + " (needs " + names(rule.anyOf()) + ")"));
        }
        return onSuccess(denialFor(token, rule.rooms()), denial -> denial.map(this::complete).orElseGet(inner));
    }

    private Route verified(Optional<String> header, Optional<String> query, Function<AccessToken, Route> inner) {
        String compact;
        if (header.isPresent()) {
            String value = header.get().trim();
            if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return complete(unauthorized("expected 'Authorization: Bearer <token>'", true));
            }
            compact = value.substring(BEARER.length()).trim();
        } else if (query.isPresent()) {
            compact = query.get().trim();
        } else {
            return complete(unauthorized("missing access token", false));
        }
        AccessToken token;
        try {
            token = verifier.verify(compact);
        } catch (ApiException e) {
            return complete(unauthorized(e.getMessage(), true));
        }
        return inner.apply(token);
    }

    /** Empty when the token reaches every room, else the answer that refuses the request. */
    private static CompletionStage<Optional<HttpResponse>> denialFor(AccessToken token, RoomLookup rooms) {
        CompletionStage<List<String>> found;
        try {
            found = rooms.rooms();
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        return found.handle((list, failure) -> {
            if (failure != null) {
                return Optional.of(JsonResponses.error(failure));
            }
            for (String room : list) {
                // null: the service could not say which room; refuse rather than guess.
                if (room == null || !token.covers(room)) {
                    return Optional.of(JsonResponses.error(StatusCodes.FORBIDDEN, AccessToken.ANY_ROOM.equals(room)
                            ? "token is for room '" + token.room() + "', not for every room"
                            : "token is for room '" + token.room() + "', not for the room of this request"));
                }
            }
            return Optional.empty();
        });
    }

    private static String names(Collection<Right> rights) {
        return rights.stream().sorted().map(Right::wireName).collect(Collectors.joining(" or "));
    }

    /** 401 with the RFC 6750 challenge; {@code invalidToken} marks a token that was sent but refused. */
    private static HttpResponse unauthorized(String message, boolean invalidToken) {
        HttpHeader challenge = RawHeader.create("WWW-Authenticate", invalidToken
                ? "Bearer realm=\"sfu\", error=\"invalid_token\"" : "Bearer realm=\"sfu\"");
        return JsonResponses.error(StatusCodes.UNAUTHORIZED, message).addHeader(challenge);
    }
}
