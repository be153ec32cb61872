package dev.sfu.media.stun;

/** The two class bits of a STUN message type (RFC 5389 section 6). */
public enum StunClass {
    REQUEST(0b00), INDICATION(0b01), SUCCESS_RESPONSE(0b10), ERROR_RESPONSE(0b11);

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    static StunClass fromBits(int bits) {
        for (StunClass c : values()) {
            if (c.bits == bits) {
                return c;
            }
        }
        throw new IllegalArgumentException("class bits " + bits);
    }
}
