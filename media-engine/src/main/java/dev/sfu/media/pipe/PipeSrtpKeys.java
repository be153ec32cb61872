package dev.sfu.media.pipe;

import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts of one side of a pipe. There is no DTLS on a pipe: one member generates the keys,
 * keeps them and ships {@link #mirrored()} to the other member through the cluster, so what one side sends with
 * its tx key the other receives with its rx key. Plain data, so it can travel in a cluster message;
 * {@link #toString()} does not print the keys.
 */
public record PipeSrtpKeys(SrtpProfile profile, byte[] txKey, byte[] txSalt, byte[] rxKey, byte[] rxSalt) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public PipeSrtpKeys {
        Objects.requireNonNull(profile, "profile");
        requireLength("txKey", txKey, profile.keyLength());
        requireLength("txSalt", txSalt, profile.saltLength());
        requireLength("rxKey", rxKey, profile.keyLength());
        requireLength("rxSalt", rxSalt, profile.saltLength());
        txKey = txKey.clone();
        txSalt = txSalt.clone();
        rxKey = rxKey.clone();
        rxSalt = rxSalt.clone();
    }

    /** Fresh random keys for both directions, as seen from the side that generates them. */
    public static PipeSrtpKeys generate(SrtpProfile profile) {
        return new PipeSrtpKeys(profile, random(profile.keyLength()), random(profile.saltLength()),
                random(profile.keyLength()), random(profile.saltLength()));
    }

    /** The same keys as the other side must hold them: our transmit keys are its receive keys. */
    public PipeSrtpKeys mirrored() {
        return new PipeSrtpKeys(profile, rxKey, rxSalt, txKey, txSalt);
    }

    /** A new SRTP session protecting with the tx keys and checking with the rx keys. */
    public SrtpSession newSession() {
        return SrtpSession.fromKeys(profile, txKey, txSalt, rxKey, rxSalt);
    }

    @Override public byte[] txKey() { return txKey.clone(); }
    @Override public byte[] txSalt() { return txSalt.clone(); }
    @Override public byte[] rxKey() { return rxKey.clone(); }
    @Override public byte[] rxSalt() { return rxSalt.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipeSrtpKeys k && profile == k.profile && Arrays.equals(txKey, k.txKey)
                && Arrays.equals(txSalt, k.txSalt) && Arrays.equals(rxKey, k.rxKey) && Arrays.equals(rxSalt, k.rxSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, Arrays.hashCode(txKey), Arrays.hashCode(rxKey));
    }

    @Override
    public String toString() {
        return "PipeSrtpKeys[" + profile + ", keys hidden]";
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void requireLength(String name, byte[] value, int length) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes");
        }
    }
}
