package dev.sfu.signaling.limits;

import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;

import java.net.InetAddress;

/** The address a request is counted under by the rate limits and the quotas. */
public final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * The peer's IP; with {@code trustForwardedFor}, the last {@code X-Forwarded-For} entry (the one the proxy in
     * front appended). Without the remote-address attribute (SignalingHttpServer turns it on) it is "unknown", so
     * all clients share one count.
     */
    public static String of(HttpRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For").map(h -> h.value()).orElse("");
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return request.getAttribute(AttributeKeys.remoteAddress)
                .flatMap(remote -> remote.getAddress())
                .map(InetAddress::getHostAddress)
                .orElse("unknown");
    }
}
