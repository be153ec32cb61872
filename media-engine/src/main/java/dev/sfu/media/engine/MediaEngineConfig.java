package dev.sfu.media.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one node's media engine.
 *
 * @param bindHost        address the UDP socket binds to ("0.0.0.0" for all)
 * @param port            media UDP port (0 picks a free one, for tests)
 * @param announcedIp     the IP put in ICE candidates (what browsers can reach)
 * @param consentTimeout  a transport whose selected pair has no valid ICE check for this long is closed
 * @param tickInterval    period of the engine timer that drives {@code onTick} (RTCP, NACK, consent)
 * @param dtlsThreads     size of the DTLS handshake executor (each running handshake holds a thread)
 * @param connectTimeout  a WebRTC transport that has not completed ICE and DTLS this long after its creation is
 *                        closed, so a client that never connects cannot hold a transport forever
 */
public record MediaEngineConfig(String bindHost, int port, String announcedIp, Duration consentTimeout,
                                Duration tickInterval, int dtlsThreads, Duration connectTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofMillis(50);
    public static final int DEFAULT_DTLS_THREADS = 8;

    public MediaEngineConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(announcedIp, "announcedIp");
        Objects.requireNonNull(consentTimeout, "consentTimeout");
        Objects.requireNonNull(tickInterval, "tickInterval");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("media port out of range: " + port);
        }
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("tickInterval must be positive");
        }
        if (dtlsThreads < 1) {
            throw new IllegalArgumentException("dtlsThreads must be at least 1");
        }
    }

    /** The default connect timeout. */
    public MediaEngineConfig(String bindHost, int port, String announcedIp, Duration consentTimeout,
                             Duration tickInterval, int dtlsThreads) {
        this(bindHost, port, announcedIp, consentTimeout, tickInterval, dtlsThreads, DEFAULT_CONNECT_TIMEOUT);
    }

    /** The same settings with another connect timeout. */
    public MediaEngineConfig withConnectTimeout(Duration timeout) {
        return new MediaEngineConfig(bindHost, port, announcedIp, consentTimeout, tickInterval, dtlsThreads, timeout);
    }

    /** Defaults for everything but the addresses. */
    public static MediaEngineConfig of(String bindHost, int port, String announcedIp) {
        return new MediaEngineConfig(bindHost, port, announcedIp, DEFAULT_CONSENT_TIMEOUT, DEFAULT_TICK_INTERVAL,
                DEFAULT_DTLS_THREADS);
    }
}
