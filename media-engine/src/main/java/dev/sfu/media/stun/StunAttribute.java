package dev.sfu.media.stun;

/**
 * One attribute of a parsed message: its type, its value (without padding) and where its header starts in the
 * message, which MESSAGE-INTEGRITY and FINGERPRINT need because they cover the bytes before them.
 */
public record StunAttribute(int type, byte[] value, int position) {
}
