package dev.sfu.media.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Rate-limits datagrams from source IPs that no session knows yet, before their STUN is parsed and its
 * MESSAGE-INTEGRITY computed (the only costly work the media port does for a stranger). A browser's ICE checks
 * need a few per second; a flood from one IP is cut to the budget and the rest dropped unparsed, so it cannot
 * starve the media thread that serves the established sessions.
 *
 * <p>One token bucket per IP (not per port, so a flooder cannot escape by changing ports). The table holds at most
 * {@code maxSources} buckets, evicting the least recently seen, so spoofed sources cannot exhaust the heap.
 * Addresses that passed ICE (and pipe peers) are not limited here: their packets are authenticated by SRTP.
 * Media thread only.
 */
public final class UnverifiedSourceLimiter {
    /** Datagrams per second one unverified IP may send. */
    public static final double DEFAULT_RATE_PER_SECOND = 1000;
    /** How many it may send at once after a quiet spell. */
    public static final double DEFAULT_BURST = 2000;
    public static final int DEFAULT_MAX_SOURCES = 10_000;

    private final double ratePerSecond;
    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<InetAddress, Bucket> buckets;
    private long dropped;
    private long sourcesLimited;

    public UnverifiedSourceLimiter() {
        this(DEFAULT_RATE_PER_SECOND, DEFAULT_BURST, DEFAULT_MAX_SOURCES, System::nanoTime);
    }

    public UnverifiedSourceLimiter(double ratePerSecond, double burst, int maxSources, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1 || maxSources < 1) {
            throw new IllegalArgumentException("rate, burst and maxSources must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Whether one more datagram from {@code source} may be processed; counts it when not. */
    public boolean allow(InetAddress source) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(source, ignored -> new Bucket(burst, now));
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * ratePerNano);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            bucket.limited = false;
            return true;
        }
        dropped++;
        if (!bucket.limited) {
            bucket.limited = true;
            sourcesLimited++;
        }
        return false;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Datagrams dropped because their source was over its budget. */
    public long dropped() {
        return dropped;
    }

    /** How many times a source went over its budget (a source that calms down and floods again counts again). */
    public long sourcesLimited() {
        return sourcesLimited;
    }

    /** Sources currently tracked (at most maxSources). */
    public int trackedSources() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;
        boolean limited;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
