package dev.sfu.signaling;

import java.time.Duration;

/**
 * Limits of the HTTP layer.
 *
 * @param serviceTimeout        how long a route waits for the service before answering 504
 * @param maxBodyBytes          largest accepted request body (413 beyond it)
 * @param eventBufferSize       events queued per WebSocket client before new ones are dropped (and counted)
 * @param maxClientMessageBytes largest message a WebSocket client may send; a bigger one closes the socket
 * @param eventSocketKeepAlive  idle time after which the server pings a WebSocket client, so that quiet rooms do
 *                              not hit the server's idle timeout (used unless pekko.http config sets its own)
 */
public record SignalingHttpSettings(Duration serviceTimeout, long maxBodyBytes, int eventBufferSize,
                                    int maxClientMessageBytes, Duration eventSocketKeepAlive) {

    public static final SignalingHttpSettings DEFAULTS =
            new SignalingHttpSettings(Duration.ofSeconds(10), 256 * 1024, 1024, 4096, Duration.ofSeconds(20));

    public SignalingHttpSettings {
        if (serviceTimeout.isNegative() || serviceTimeout.isZero()) {
            throw new IllegalArgumentException("serviceTimeout must be positive: " + serviceTimeout);
        }
        if (eventSocketKeepAlive.isNegative() || eventSocketKeepAlive.isZero()) {
            throw new IllegalArgumentException("eventSocketKeepAlive must be positive: " + eventSocketKeepAlive);
        }
        if (maxBodyBytes <= 0 || eventBufferSize <= 0 || maxClientMessageBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBodyBytes + ", " + eventBufferSize
                    + ", " + maxClientMessageBytes);
        }
    }
}
