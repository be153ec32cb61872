package dev.sfu.bench;

import dev.sfu.media.srtp.SrtpAes;
import dev.sfu.media.srtp.SrtpAesBackend;

/**
 * Which AES implementation jitsi-srtp uses in this benchmark JVM: {@code SunJCE} (what a member uses by default),
 * {@code OpenSSL} or {@code auto} (OpenSSL when it loads). Each JMH fork is its own JVM, so the choice stays in
 * that fork; a benchmark state applies it before it makes its sessions.
 */
final class AesBackend {
    private AesBackend() {
    }

    static void use(String backend) {
        SrtpAesBackend requested = SrtpAesBackend.parse(backend);
        SrtpAesBackend inEffect = SrtpAes.use(requested);
        if (requested != SrtpAesBackend.AUTO && inEffect != requested) {
            throw new IllegalStateException("AES backend " + backend + " is not available here (" + inEffect + ")");
        }
    }
}
