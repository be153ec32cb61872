package dev.sfu.media.ice;

import java.security.SecureRandom;

/**
 * Random ICE credentials. RFC 8445 section 5.3: ice-char is ALPHA / DIGIT / "+" / "/"; the username fragment has at
 * least 24 bits of randomness (4 chars), the password at least 128 bits (22 chars). We use letters and digits only.
 */
public final class IceCredentials {
    public static final int UFRAG_LENGTH = 16;
    public static final int PASSWORD_LENGTH = 32;

    private static final char[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private IceCredentials() {
    }

    public static String randomUfrag() {
        return random(UFRAG_LENGTH);
    }

    public static String randomPassword() {
        return random(PASSWORD_LENGTH);
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
