package dev.sfu.media.stun;

/** The ERROR-CODE attribute: a code 300..699 and a reason phrase (RFC 5389 section 15.6). */
public record StunErrorCode(int code, String reason) {
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int ROLE_CONFLICT = 487;
}
