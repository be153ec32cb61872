package dev.sfu.media.stun;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Serializes a STUN message: header, attributes in the order added, then optionally MESSAGE-INTEGRITY and
 * FINGERPRINT (always last, in that order, as RFC 5389 requires).
 */
public final class StunMessageBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int method;
    private final StunClass messageClass;
    private final byte[] transactionId;
    private final ByteArrayOutputStream attributes = new ByteArrayOutputStream();
    private byte paddingByte;

    public StunMessageBuilder(int method, StunClass messageClass, byte[] transactionId) {
        if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        this.method = method;
        this.messageClass = messageClass;
        this.transactionId = transactionId.clone();
    }

    public static byte[] randomTransactionId() {
        byte[] id = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        RANDOM.nextBytes(id);
        return id;
    }

    /** Padding content is ignored by receivers; zero by default (RFC 5769's vectors use spaces). */
    public StunMessageBuilder paddingByte(int value) {
        this.paddingByte = (byte) value;
        return this;
    }

    public StunMessageBuilder attribute(int type, byte[] value) {
        attributes.write(type >>> 8);
        attributes.write(type);
        attributes.write(value.length >>> 8);
        attributes.write(value.length);
        attributes.writeBytes(value);
        for (int i = value.length; (i & 3) != 0; i++) {
            attributes.write(paddingByte);
        }
        return this;
    }

    public StunMessageBuilder username(String username) {
        return attribute(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder software(String software) {
        return attribute(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder priority(long priority) {
        return attribute(StunAttributeType.PRIORITY, uint32(priority));
    }

    public StunMessageBuilder useCandidate() {
        return attribute(StunAttributeType.USE_CANDIDATE, new byte[0]);
    }

    public StunMessageBuilder iceControlling(long tieBreaker) {
        return attribute(StunAttributeType.ICE_CONTROLLING, uint64(tieBreaker));
    }

    public StunMessageBuilder iceControlled(long tieBreaker) {
        return attribute(StunAttributeType.ICE_CONTROLLED, uint64(tieBreaker));
    }

    public StunMessageBuilder xorMappedAddress(InetSocketAddress address) {
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS, XorAddress.encode(address, transactionId));
    }

    public StunMessageBuilder errorCode(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + text.length];
        value[2] = (byte) (code / 100);
        value[3] = (byte) (code % 100);
        System.arraycopy(text, 0, value, 4, text.length);
        return attribute(StunAttributeType.ERROR_CODE, value);
    }

    /**
     * The message bytes; with a non-null {@code integrityKey} a MESSAGE-INTEGRITY attribute is appended, with
     * {@code fingerprint} a FINGERPRINT attribute after it.
     */
    public byte[] build(byte[] integrityKey, boolean fingerprint) {
        byte[] body = attributes.toByteArray();
        int total = StunMessage.HEADER_LENGTH + body.length
                + (integrityKey != null ? 4 + StunChecksums.HMAC_LENGTH : 0) + (fingerprint ? 8 : 0);
        byte[] out = new byte[total];
        int type = StunParser.messageType(method, messageClass);
        out[0] = (byte) (type >>> 8);
        out[1] = (byte) type;
        writeInt(out, 4, StunMessage.MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, out, 8, StunMessage.TRANSACTION_ID_LENGTH);
        System.arraycopy(body, 0, out, StunMessage.HEADER_LENGTH, body.length);
        int pos = StunMessage.HEADER_LENGTH + body.length;
        if (integrityKey != null) {
            // The HMAC covers the header with its length already counting MESSAGE-INTEGRITY, but not FINGERPRINT.
            setLength(out, pos + 4 + StunChecksums.HMAC_LENGTH - StunMessage.HEADER_LENGTH);
            byte[] hmac = StunChecksums.hmacSha1(integrityKey, out, 0, pos);
            writeAttributeHeader(out, pos, StunAttributeType.MESSAGE_INTEGRITY, StunChecksums.HMAC_LENGTH);
            System.arraycopy(hmac, 0, out, pos + 4, StunChecksums.HMAC_LENGTH);
            pos += 4 + StunChecksums.HMAC_LENGTH;
        }
        if (fingerprint) {
            setLength(out, pos + 8 - StunMessage.HEADER_LENGTH);
            int crc = StunChecksums.fingerprint(out, 0, pos);
            writeAttributeHeader(out, pos, StunAttributeType.FINGERPRINT, 4);
            writeInt(out, pos + 4, crc);
            pos += 8;
        }
        setLength(out, pos - StunMessage.HEADER_LENGTH);
        return out;
    }

    private static void setLength(byte[] out, int length) {
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
    }

    private static void writeAttributeHeader(byte[] out, int pos, int type, int length) {
        out[pos] = (byte) (type >>> 8);
        out[pos + 1] = (byte) type;
        out[pos + 2] = (byte) (length >>> 8);
        out[pos + 3] = (byte) length;
    }

    private static void writeInt(byte[] out, int pos, int value) {
        out[pos] = (byte) (value >>> 24);
        out[pos + 1] = (byte) (value >>> 16);
        out[pos + 2] = (byte) (value >>> 8);
        out[pos + 3] = (byte) value;
    }

    private static byte[] uint32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] uint64(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
