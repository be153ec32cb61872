package dev.sfu.signaling;

import com.typesafe.config.Config;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.limits.LimitSettings;
import dev.sfu.signaling.tls.HttpsSettings;

import java.time.Duration;

/**
 * Limits and security of the HTTP layer.
 *
 * @param serviceTimeout        how long a route waits for the service before answering 504
 * @param maxBodyBytes          largest accepted request body (413 beyond it)
 * @param eventBufferSize       events queued per WebSocket client before new ones are dropped (and counted)
 * @param maxClientMessageBytes largest message a WebSocket client may send; a bigger one closes the socket
 * @param eventSocketKeepAlive  idle time after which the server pings a WebSocket client, so that quiet rooms do
 *                              not hit the server's idle timeout (used unless pekko.http config sets its own)
 * @param auth                  access tokens (open: none needed)
 * @param limits                request rates per client address and per token
 * @param https                 the certificate of the port (disabled: plain HTTP)
 */
public record SignalingHttpSettings(Duration serviceTimeout, long maxBodyBytes, int eventBufferSize,
                                    int maxClientMessageBytes, Duration eventSocketKeepAlive,
                                    AuthSettings auth, LimitSettings limits, HttpsSettings https) {

    /** Open API (no tokens), default rate limits, plain HTTP. */
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
        if (auth == null || limits == null || https == null) {
            throw new IllegalArgumentException("auth, limits and https settings are required");
        }
    }

    /** The HTTP limits alone: open API, default rate limits, plain HTTP. */
    public SignalingHttpSettings(Duration serviceTimeout, long maxBodyBytes, int eventBufferSize,
                                 int maxClientMessageBytes, Duration eventSocketKeepAlive) {
        this(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes, eventSocketKeepAlive,
                AuthSettings.open(), LimitSettings.DEFAULTS, HttpsSettings.DISABLED);
    }

    /**
     * {@link #DEFAULTS} with the security sections of a configuration: {@code sfu.auth.*}, {@code sfu.limits.*}
     * and {@code sfu.http.tls.*} (every key optional; see docs/SECURITY.md).
     */
    public static SignalingHttpSettings fromConfig(Config config) {
        return DEFAULTS.withAuth(AuthSettings.fromConfig(config))
                .withLimits(LimitSettings.fromConfig(config))
                .withHttps(HttpsSettings.fromConfig(config));
    }

    public SignalingHttpSettings withAuth(AuthSettings auth) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https);
    }

    public SignalingHttpSettings withLimits(LimitSettings limits) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https);
    }

    public SignalingHttpSettings withHttps(HttpsSettings https) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https);
    }

    public SignalingHttpSettings withServiceTimeout(Duration serviceTimeout) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https);
    }
}
