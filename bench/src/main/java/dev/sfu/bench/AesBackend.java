package dev.sfu.bench;

import dev.sfu.media.srtp.SrtpSession;
import org.jitsi.srtp.crypto.Aes;

/**
 * Which AES implementation jitsi-srtp uses in this benchmark JVM. {@code SunJCE} is what {@link SrtpSession}
 * chooses (in its static initialiser); {@code OpenSSL} is jitsi-srtp's native OpenSSL binding, benchmarked only
 * to size the alternative (each JMH fork is its own JVM, so the choice stays in that fork).
 */
final class AesBackend {
    private AesBackend() {
    }

    static void use(String backend) {
        // SrtpSession's static initialiser picks SunJCE; run it first so our choice is the last word.
        try {
            Class.forName(SrtpSession.class.getName(), true, SrtpSession.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        switch (backend) {
            case "SunJCE" -> Aes.setFactoryClassName(Aes.SunJCECipherFactory.class.getName());
            case "OpenSSL" -> Aes.setFactoryClassName(Aes.OpenSSLCipherFactory.class.getName());
            default -> throw new IllegalArgumentException("unknown AES backend " + backend + ": SunJCE or OpenSSL");
        }
    }
}
