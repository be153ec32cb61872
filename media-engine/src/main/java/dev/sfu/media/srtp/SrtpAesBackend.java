package dev.sfu.media.srtp;

import java.util.Locale;

/**
 * Which AES implementation jitsi-srtp uses for every SRTP session of this JVM ({@code sfu.media.srtp-aes}).
 * {@code AUTO} is jitsi-srtp's native OpenSSL binding when its library loads, else the JDK's (SunJCE). OpenSSL
 * allocates about 15× less per packet (no per-packet cipher re-init objects or in-place copies) but costs more CPU
 * per packet here, so the default is SunJCE ({@link SrtpAes#DEFAULT}; docs/benchmarks.md has the figures).
 */
public enum SrtpAesBackend {
    AUTO, OPENSSL, SUNJCE;

    /** "auto", "openssl" or "sunjce", any case. */
    public static SrtpAesBackend parse(String value) {
        for (SrtpAesBackend b : values()) {
            if (b.name().equalsIgnoreCase(value.trim())) return b;
        }
        throw new IllegalArgumentException("SRTP AES backend must be auto, openssl or sunjce, not '" + value + "'");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
