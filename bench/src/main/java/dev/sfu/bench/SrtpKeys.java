package dev.sfu.bench;

import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import java.util.Random;

/**
 * Both ends of one SRTP association made from fixed-seed keys, as DTLS would leave them: what the browser
 * protects, the SFU unprotects, and the other way round. A fixed seed makes runs repeatable.
 */
final class SrtpKeys {
    private final SrtpProfile profile;
    private final byte[] browserKey;
    private final byte[] browserSalt;
    private final byte[] sfuKey;
    private final byte[] sfuSalt;

    SrtpKeys(SrtpProfile profile, long seed) {
        Random random = new Random(seed);
        this.profile = profile;
        this.browserKey = randomBytes(random, profile.keyLength());
        this.browserSalt = randomBytes(random, profile.saltLength());
        this.sfuKey = randomBytes(random, profile.keyLength());
        this.sfuSalt = randomBytes(random, profile.saltLength());
    }

    /** The browser's end: sends with the browser key, receives with the SFU's. */
    SrtpSession browserSession() {
        return SrtpSession.fromKeys(profile, browserKey, browserSalt, sfuKey, sfuSalt);
    }

    /** The SFU's end: sends with the SFU key, receives with the browser's. */
    SrtpSession sfuSession() {
        return SrtpSession.fromKeys(profile, sfuKey, sfuSalt, browserKey, browserSalt);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
