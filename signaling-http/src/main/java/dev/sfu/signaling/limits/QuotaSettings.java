package dev.sfu.signaling.limits;

import com.typesafe.config.Config;
import dev.sfu.signaling.ConfigValues;

/**
 * How many transports, producers and consumers one client may hold open through one member: per access token
 * and, separately, per client address (a token shared by many addresses is limited as one; many tokens from one
 * address are limited together too).
 *
 * @param enabled false turns the quotas off (benchmarks)
 */
public record QuotaSettings(boolean enabled, Quota perToken, Quota perAddress) {

    /** The three counts one client may hold. */
    public record Quota(int transports, int producers, int consumers) {
        public Quota {
            if (transports < 1 || producers < 1 || consumers < 1) {
                throw new IllegalArgumentException("quotas must be positive: " + transports + " transports, "
                        + producers + " producers, " + consumers + " consumers");
            }
        }

        int of(ClientQuotas.Kind kind) {
            return switch (kind) {
                case TRANSPORT -> transports;
                case PRODUCER -> producers;
                case CONSUMER -> consumers;
            };
        }
    }

    // A browser tab holds 2 transports, a few producers and one consumer per remote track; an address may hide a
    // whole office behind NAT, hence the larger numbers.
    public static final QuotaSettings DEFAULTS = new QuotaSettings(true,
            new Quota(20, 20, 500), new Quota(200, 200, 5000));
    public static final QuotaSettings UNLIMITED = new QuotaSettings(false, DEFAULTS.perToken, DEFAULTS.perAddress);

    /**
     * Reads {@code sfu.limits.per-token.{transports,producers,consumers}} and {@code sfu.limits.per-address.*};
     * they follow {@code sfu.limits.enabled}. Each falls back to {@link #DEFAULTS}.
     */
    public static QuotaSettings fromConfig(Config config) {
        return new QuotaSettings(ConfigValues.bool(config, "sfu.limits.enabled", DEFAULTS.enabled),
                quota(config, "sfu.limits.per-token", DEFAULTS.perToken),
                quota(config, "sfu.limits.per-address", DEFAULTS.perAddress));
    }

    private static Quota quota(Config config, String path, Quota fallback) {
        return new Quota(ConfigValues.integer(config, path + ".transports", fallback.transports),
                ConfigValues.integer(config, path + ".producers", fallback.producers),
                ConfigValues.integer(config, path + ".consumers", fallback.consumers));
    }
}
