package dev.sfu.media.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed STUN message (RFC 5389): method, class, transaction id and attributes, plus the bytes it was parsed from
 * so MESSAGE-INTEGRITY and FINGERPRINT can be checked. Build outgoing messages with {@link StunMessageBuilder}.
 */
public final class StunMessage {
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;
    public static final int TRANSACTION_ID_LENGTH = 12;
    public static final int METHOD_BINDING = 0x001;

    private final int method;
    private final StunClass messageClass;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final byte[] raw;

    StunMessage(int method, StunClass messageClass, byte[] transactionId, List<StunAttribute> attributes, byte[] raw) {
        this.method = method;
        this.messageClass = messageClass;
        this.transactionId = transactionId;
        this.attributes = List.copyOf(attributes);
        this.raw = raw;
    }

    /** Parses one datagram; never throws on bad input. */
    public static StunParseResult parse(byte[] data, int offset, int length) {
        return StunParser.parse(data, offset, length);
    }

    public int method() { return method; }
    public StunClass messageClass() { return messageClass; }
    public byte[] transactionId() { return transactionId.clone(); }
    public List<StunAttribute> attributes() { return attributes; }

    public boolean isBindingRequest() {
        return method == METHOD_BINDING && messageClass == StunClass.REQUEST;
    }

    public Optional<StunAttribute> attribute(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean has(int type) {
        return attribute(type).isPresent();
    }

    public Optional<String> username() {
        return attribute(StunAttributeType.USERNAME).map(a -> new String(a.value(), StandardCharsets.UTF_8));
    }

    public OptionalLong priority() {
        return uint32(StunAttributeType.PRIORITY);
    }

    public boolean useCandidate() {
        return has(StunAttributeType.USE_CANDIDATE);
    }

    public OptionalLong iceControlling() {
        return uint64(StunAttributeType.ICE_CONTROLLING);
    }

    public OptionalLong iceControlled() {
        return uint64(StunAttributeType.ICE_CONTROLLED);
    }

    public Optional<InetSocketAddress> xorMappedAddress() {
        return attribute(StunAttributeType.XOR_MAPPED_ADDRESS)
                .map(a -> XorAddress.decode(a.value(), transactionId));
    }

    public Optional<StunErrorCode> errorCode() {
        return attribute(StunAttributeType.ERROR_CODE).filter(a -> a.value().length >= 4).map(a -> {
            byte[] v = a.value();
            int code = (v[2] & 0x07) * 100 + (v[3] & 0xFF);
            return new StunErrorCode(code, new String(v, 4, v.length - 4, StandardCharsets.UTF_8));
        });
    }

    /** True when FINGERPRINT is present and matches the CRC-32 of everything before it. */
    public boolean hasValidFingerprint() {
        Optional<StunAttribute> fp = attribute(StunAttributeType.FINGERPRINT);
        if (fp.isEmpty() || fp.get().value().length != 4) {
            return false;
        }
        int expected = StunChecksums.fingerprint(raw, 0, fp.get().position());
        byte[] v = fp.get().value();
        int actual = ((v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
        return expected == actual;
    }

    /**
     * True when MESSAGE-INTEGRITY is present and matches HMAC-SHA1 with the given key over everything before it,
     * with the header length rewritten to end just after MESSAGE-INTEGRITY (RFC 5389 section 15.4). With
     * short-term credentials (ICE) the key is the password's UTF-8 bytes.
     */
    public boolean hasValidIntegrity(byte[] key) {
        Optional<StunAttribute> mi = attribute(StunAttributeType.MESSAGE_INTEGRITY);
        if (mi.isEmpty() || mi.get().value().length != StunChecksums.HMAC_LENGTH) {
            return false;
        }
        int position = mi.get().position();
        byte[] covered = new byte[position];
        System.arraycopy(raw, 0, covered, 0, position);
        int lengthAfterIntegrity = position - HEADER_LENGTH + 4 + StunChecksums.HMAC_LENGTH;
        covered[2] = (byte) (lengthAfterIntegrity >>> 8);
        covered[3] = (byte) lengthAfterIntegrity;
        byte[] expected = StunChecksums.hmacSha1(key, covered, 0, covered.length);
        return MessageDigest.isEqual(expected, mi.get().value());
    }

    private OptionalLong uint32(int type) {
        Optional<StunAttribute> a = attribute(type);
        if (a.isEmpty() || a.get().value().length != 4) {
            return OptionalLong.empty();
        }
        long v = 0;
        for (byte b : a.get().value()) {
            v = (v << 8) | (b & 0xFF);
        }
        return OptionalLong.of(v);
    }

    private OptionalLong uint64(int type) {
        Optional<StunAttribute> a = attribute(type);
        if (a.isEmpty() || a.get().value().length != 8) {
            return OptionalLong.empty();
        }
        long v = 0;
        for (byte b : a.get().value()) {
            v = (v << 8) | (b & 0xFF);
        }
        return OptionalLong.of(v);
    }

    @Override
    public String toString() {
        return "StunMessage[method=" + method + ", class=" + messageClass + ", attributes=" + attributes.size() + "]";
    }
}
