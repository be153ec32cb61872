package dev.sfu.signaling.limits;

import dev.sfu.signaling.JsonResponses;
import dev.sfu.signaling.auth.AccessToken;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Answers 429 to a client address or a token over its request rate. The address limit comes first, before any
 * token is verified, so a flood of forged tokens costs little; the token limit follows authentication, so a
 * token shared by many addresses is limited as one.
 */
public final class RateLimitDirectives extends AllDirectives {
    private final LimitSettings settings;
    private final RateLimiter perAddress;
    private final RateLimiter perToken;

    public RateLimitDirectives(LimitSettings settings, Clock clock) {
        this.settings = settings;
        this.perAddress = new RateLimiter(settings, clock);
        this.perToken = new RateLimiter(settings, clock);
    }

    public Route perClientAddress(Supplier<Route> inner) {
        if (!settings.enabled()) {
            return inner.get();
        }
        return extractRequest(request -> perAddress.tryAcquire(clientAddress(request))
                ? inner.get()
                : tooManyRequests(perAddress, "this client address"));
    }

    public Route perToken(AccessToken token, Supplier<Route> inner) {
        if (!settings.enabled() || token.isUnrestricted()) {
            return inner.get();
        }
        return perToken.tryAcquire(token.id()) ? inner.get() : tooManyRequests(perToken, "this access token");
    }

    private Route tooManyRequests(RateLimiter limiter, String who) {
        long retryAfter = limiter.retryAfterSeconds();
        return complete(JsonResponses.error(StatusCodes.TOO_MANY_REQUESTS,
                        "too many requests from " + who + " (limit " + settings.requestsPerSecond()
                                + "/s, burst " + settings.burst() + "); retry in " + retryAfter + " s")
                .addHeader(RawHeader.create("Retry-After", Long.toString(retryAfter))));
    }

    private String clientAddress(HttpRequest request) {
        return ClientAddress.of(request, settings.trustForwardedFor());
    }
}
