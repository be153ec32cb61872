package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import org.bouncycastle.tls.CipherSuite;

/** What both roles offer and accept: ECDHE-ECDSA cipher suites and SRTP profiles, best first. */
final class DtlsSrtpPreferences {
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    /** GCM first: cheaper per packet and what browsers prefer when both sides offer it. */
    static final SrtpProfile[] SRTP_PROFILES = {SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80};

    /** Whole-handshake limit; BouncyCastle retransmits flights within it. */
    static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private DtlsSrtpPreferences() {
    }

    static int[] srtpProfileIds() {
        int[] ids = new int[SRTP_PROFILES.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = SRTP_PROFILES[i].protectionProfileId();
        }
        return ids;
    }

    /** Our most preferred profile among the peer's offer, or null when we share none. */
    static SrtpProfile choose(int[] offeredIds) {
        for (SrtpProfile profile : SRTP_PROFILES) {
            for (int id : offeredIds) {
                if (id == profile.protectionProfileId()) {
                    return profile;
                }
            }
        }
        return null;
    }
}
