package dev.sfu.signaling;

import com.typesafe.config.Config;
import dev.sfu.signaling.auth.AuthSettings;
import dev.sfu.signaling.limits.LimitSettings;
import dev.sfu.signaling.limits.QuotaSettings;
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
 * @param quotas                open transports, producers and consumers per token and per client address
 * @param bodyReadTimeout       how long a client may take to send a request body (408 beyond it), so a client
 *                              trickling a body cannot hold a request open
 */
public record SignalingHttpSettings(Duration serviceTimeout, long maxBodyBytes, int eventBufferSize,
                                    int maxClientMessageBytes, Duration eventSocketKeepAlive,
                                    AuthSettings auth, LimitSettings limits, HttpsSettings https,
                                    QuotaSettings quotas, Duration bodyReadTimeout) {

    static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(10);

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
        if (auth == null || limits == null || https == null || quotas == null) {
            throw new IllegalArgumentException("auth, limits, https and quota settings are required");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("bodyReadTimeout must be positive: " + bodyReadTimeout);
        }
    }

    /** The settings before per-client quotas: default quotas, a 10 s body read timeout. */
    public SignalingHttpSettings(Duration serviceTimeout, long maxBodyBytes, int eventBufferSize,
                                 int maxClientMessageBytes, Duration eventSocketKeepAlive,
                                 AuthSettings auth, LimitSettings limits, HttpsSettings https) {
        this(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes, eventSocketKeepAlive, auth, limits,
                https, QuotaSettings.DEFAULTS, DEFAULT_BODY_READ_TIMEOUT);
    }

    /** The HTTP limits alone: open API, default rate limits, plain HTTP. */
    public SignalingHttpSettings(Duration serviceTimeout, long maxBodyBytes, int eventBufferSize,
                                 int maxClientMessageBytes, Duration eventSocketKeepAlive) {
        this(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes, eventSocketKeepAlive,
                AuthSettings.open(), LimitSettings.DEFAULTS, HttpsSettings.DISABLED);
    }

    /**
     * {@link #DEFAULTS} with the security sections of a configuration: {@code sfu.auth.*}, {@code sfu.limits.*}
     * and {@code sfu.http.tls.*}, the quotas {@code sfu.limits.per-token.*} and {@code .per-address.*}, and
     * {@code sfu.http.body-read-timeout} (every key optional; see docs/SECURITY.md).
     */
    public static SignalingHttpSettings fromConfig(Config config) {
        Duration bodyReadTimeout = config.hasPath("sfu.http.body-read-timeout")
                ? config.getDuration("sfu.http.body-read-timeout") : DEFAULT_BODY_READ_TIMEOUT;
        return DEFAULTS.withAuth(AuthSettings.fromConfig(config))
                .withLimits(LimitSettings.fromConfig(config))
                .withHttps(HttpsSettings.fromConfig(config))
                .withQuotas(QuotaSettings.fromConfig(config))
                .withBodyReadTimeout(bodyReadTimeout);
    }

    public SignalingHttpSettings withAuth(AuthSettings auth) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https, quotas, bodyReadTimeout);
    }

    public SignalingHttpSettings withLimits(LimitSettings limits) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https, quotas, bodyReadTimeout);
    }

    public SignalingHttpSettings withHttps(HttpsSettings https) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https, quotas, bodyReadTimeout);
    }

    public SignalingHttpSettings withServiceTimeout(Duration serviceTimeout) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https, quotas, bodyReadTimeout);
    }

    public SignalingHttpSettings withQuotas(QuotaSettings quotas) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https, quotas, bodyReadTimeout);
    }

    public SignalingHttpSettings withBodyReadTimeout(Duration bodyReadTimeout) {
        return new SignalingHttpSettings(serviceTimeout, maxBodyBytes, eventBufferSize, maxClientMessageBytes,
                eventSocketKeepAlive, auth, limits, https, quotas, bodyReadTimeout);
    }
}
