package dev.sfu.media.srtp;

import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses jitsi-srtp's AES implementation for the whole JVM (jitsi-srtp keeps it in a static). Left alone, jitsi
 * benchmarks every provider on first use: seconds of CPU on whichever thread protects the first packet (the media
 * thread), so a choice is always made before the first session: {@link SrtpSession} asks for {@link #useDefault()},
 * and a member applies its configured backend at startup. Sessions made after a change use the new backend; the
 * wire format is the same either way.
 *
 * <p>The default is SunJCE: measured side by side (docs/benchmarks.md), the native OpenSSL binding allocates about
 * 15× less per packet but costs 3–80 % more CPU per forwarded packet in the fan-out benchmarks and 10–20 % more
 * member CPU end to end, and CPU per stream is what limits capacity.
 */
public final class SrtpAes {
    private static final Logger log = LoggerFactory.getLogger(SrtpAes.class);
    private static SrtpAesBackend inEffect;

    private SrtpAes() {
    }

    /**
     * Uses {@code requested} from now on and returns the backend in effect: {@code OPENSSL} or {@code SUNJCE}.
     * {@code AUTO} and {@code OPENSSL} fall back to SunJCE when the native library does not load. Logs the outcome
     * when it changes.
     */
    public static synchronized SrtpAesBackend use(SrtpAesBackend requested) {
        SrtpAesBackend chosen = requested != SrtpAesBackend.SUNJCE && openSslLoads()
                ? SrtpAesBackend.OPENSSL : SrtpAesBackend.SUNJCE;
        Aes.setFactoryClassName(chosen == SrtpAesBackend.OPENSSL
                ? Aes.OpenSSLCipherFactory.class.getName() : Aes.SunJCECipherFactory.class.getName());
        if (chosen != inEffect) {
            if (requested == SrtpAesBackend.OPENSSL && chosen != SrtpAesBackend.OPENSSL) {
                log.warn("SRTP AES: OpenSSL requested but jitsi-srtp's native library did not load; using SunJCE");
            } else {
                log.info("SRTP AES: {} (requested {})", chosen == SrtpAesBackend.OPENSSL ? "OpenSSL (native)"
                        : "SunJCE", requested.wireName());
            }
        }
        inEffect = chosen;
        return chosen;
    }

    /** What a JVM uses unless told otherwise (and {@code sfu.media.srtp-aes}'s default). */
    public static final SrtpAesBackend DEFAULT = SrtpAesBackend.SUNJCE;

    /** Applies {@link #DEFAULT} unless a backend was chosen already; returns the one in effect. */
    public static synchronized SrtpAesBackend useDefault() {
        return inEffect != null ? inEffect : use(DEFAULT);
    }

    /** The backend in effect, or null before the first choice. */
    public static synchronized SrtpAesBackend inEffect() {
        return inEffect;
    }

    private static boolean openSslLoads() {
        try {
            return JitsiOpenSslProvider.isLoaded();
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
