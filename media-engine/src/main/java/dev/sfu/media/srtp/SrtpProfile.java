package dev.sfu.media.srtp;

/**
 * The SRTP protection profiles we negotiate through DTLS {@code use_srtp} (RFC 5764 §4.1.2, RFC 7714 §14.2).
 * Lengths are in bytes.
 */
public enum SrtpProfile {
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10, 10),
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16);

    private final int protectionProfileId;
    private final int keyLength;
    private final int saltLength;
    private final int rtpAuthTagLength;
    private final int rtcpAuthTagLength;

    SrtpProfile(int protectionProfileId, int keyLength, int saltLength, int rtpAuthTagLength, int rtcpAuthTagLength) {
        this.protectionProfileId = protectionProfileId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpAuthTagLength = rtpAuthTagLength;
        this.rtcpAuthTagLength = rtcpAuthTagLength;
    }

    /** The SRTPProtectionProfile value carried in the {@code use_srtp} extension. */
    public int protectionProfileId() { return protectionProfileId; }

    public int keyLength() { return keyLength; }

    public int saltLength() { return saltLength; }

    public int rtpAuthTagLength() { return rtpAuthTagLength; }

    public int rtcpAuthTagLength() { return rtcpAuthTagLength; }

    /** Bytes to export from DTLS: client and server master key plus client and server master salt (RFC 5764 §4.2). */
    public int keyingMaterialLength() { return 2 * (keyLength + saltLength); }

    /** The profile with this {@code use_srtp} id, or null when we do not support it. */
    public static SrtpProfile fromProtectionProfileId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.protectionProfileId == id) {
                return profile;
            }
        }
        return null;
    }
}
