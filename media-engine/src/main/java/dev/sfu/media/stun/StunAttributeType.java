package dev.sfu.media.stun;

/** The attribute types we read or write (RFC 5389 section 18.2, RFC 8445 section 16.1). */
public final class StunAttributeType {
    public static final int MAPPED_ADDRESS = 0x0001;
    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int PRIORITY = 0x0024;
    public static final int USE_CANDIDATE = 0x0025;
    public static final int SOFTWARE = 0x8022;
    public static final int FINGERPRINT = 0x8028;
    public static final int ICE_CONTROLLED = 0x8029;
    public static final int ICE_CONTROLLING = 0x802A;

    private StunAttributeType() {
    }
}
