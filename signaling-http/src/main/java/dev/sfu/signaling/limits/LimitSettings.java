package dev.sfu.signaling.limits;

import com.typesafe.config.Config;
import dev.sfu.signaling.ConfigValues;

/**
 * Request rate limits of the API and the {@code /ws} upgrade, applied per client address and, separately, per
 * access token: a token bucket of {@code burst} requests refilled at {@code requestsPerSecond}.
 *
 * @param enabled           false turns rate limiting off (tests, benchmarks)
 * @param maxTrackedClients how many addresses/tokens get a bucket of their own; beyond, they share one
 * @param trustForwardedFor take the client address from the last {@code X-Forwarded-For} entry (set it only
 *                          behind a reverse proxy that appends it; otherwise clients could pick their address)
 */
public record LimitSettings(boolean enabled, double requestsPerSecond, int burst, int maxTrackedClients,
                            boolean trustForwardedFor) {

    public static final LimitSettings DEFAULTS = new LimitSettings(true, 50, 100, 100_000, false);
    public static final LimitSettings UNLIMITED = new LimitSettings(false, 50, 100, 100_000, false);

    public LimitSettings {
        if (!(requestsPerSecond > 0) || burst < 1 || maxTrackedClients < 1) {
            throw new IllegalArgumentException("rate limits must be positive: " + requestsPerSecond + "/s, burst "
                    + burst + ", " + maxTrackedClients + " clients");
        }
    }

    /** Reads {@code sfu.limits.enabled}, {@code .requests-per-second}, {@code .burst}, {@code .max-tracked-clients},
     * {@code .trust-forwarded-for}; each falls back to {@link #DEFAULTS}. */
    public static LimitSettings fromConfig(Config config) {
        return new LimitSettings(
                ConfigValues.bool(config, "sfu.limits.enabled", DEFAULTS.enabled),
                ConfigValues.number(config, "sfu.limits.requests-per-second", DEFAULTS.requestsPerSecond),
                ConfigValues.integer(config, "sfu.limits.burst", DEFAULTS.burst),
                ConfigValues.integer(config, "sfu.limits.max-tracked-clients", DEFAULTS.maxTrackedClients),
                ConfigValues.bool(config, "sfu.limits.trust-forwarded-for", DEFAULTS.trustForwardedFor));
    }
}
