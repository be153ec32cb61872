package dev.sfu.media.dtls;

/**
 * Reads the record headers of one DTLS datagram (RFC 6347 §4.1) without decrypting anything: which kinds of record
 * it carries and whether it is well formed. Lets a session decide cheaply whether BouncyCastle needs to see it.
 *
 * <pre>
 *   type(1) | version(2) = 0xFEFF/0xFEFD | epoch(2) | sequence_number(6) | length(2) | fragment(length)
 * </pre>
 */
final class DtlsRecordInspector {
    static final int MALFORMED = 0;
    static final int CHANGE_CIPHER_SPEC = 1;
    static final int PLAINTEXT_ALERT = 1 << 1;
    static final int ENCRYPTED_ALERT = 1 << 2;
    static final int HANDSHAKE = 1 << 3;
    static final int APPLICATION_DATA = 1 << 4;

    private static final int RECORD_HEADER_LENGTH = 13;
    private static final int HANDSHAKE_HEADER_LENGTH = 12;
    private static final int TYPE_CHANGE_CIPHER_SPEC = 20;
    private static final int TYPE_ALERT = 21;
    private static final int TYPE_HANDSHAKE = 22;
    private static final int TYPE_APPLICATION_DATA = 23;

    private DtlsRecordInspector() {
    }

    /**
     * The kinds of record in the datagram as a bit set of the constants above, or {@link #MALFORMED} when any record
     * is truncated, has an unknown type or version, or (in epoch 0) carries inconsistent handshake fragments.
     */
    static int inspect(byte[] data, int offset, int length) {
        if (data == null || offset < 0 || length <= 0 || offset + length > data.length) {
            return MALFORMED;
        }
        int kinds = 0;
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (end - position < RECORD_HEADER_LENGTH || data[position + 1] != (byte) 0xFE) {
                return MALFORMED;
            }
            int version = data[position + 2] & 0xFF;
            int epoch = readUint16(data, position + 3);
            int fragmentLength = readUint16(data, position + 11);
            int fragment = position + RECORD_HEADER_LENGTH;
            if ((version != 0xFF && version != 0xFD) || fragment + fragmentLength > end) {
                return MALFORMED;
            }
            int kind = kindOf(data[position] & 0xFF, epoch, data, fragment, fragmentLength);
            if (kind == MALFORMED) {
                return MALFORMED;
            }
            kinds |= kind;
            position = fragment + fragmentLength;
        }
        return kinds;
    }

    private static int kindOf(int type, int epoch, byte[] data, int fragment, int fragmentLength) {
        return switch (type) {
            case TYPE_CHANGE_CIPHER_SPEC -> CHANGE_CIPHER_SPEC;
            case TYPE_ALERT -> epoch == 0 ? PLAINTEXT_ALERT : ENCRYPTED_ALERT;
            case TYPE_HANDSHAKE -> epoch != 0 || areWholeHandshakeFragments(data, fragment, fragmentLength)
                    ? HANDSHAKE : MALFORMED;
            case TYPE_APPLICATION_DATA -> APPLICATION_DATA;
            default -> MALFORMED;
        };
    }

    /**
     * A plaintext handshake record holds one or more message fragments (RFC 6347 §4.2.3), each of whose headers
     * agrees with the bytes that follow; together they fill the record exactly.
     */
    private static boolean areWholeHandshakeFragments(byte[] data, int fragment, int fragmentLength) {
        int position = fragment;
        int end = fragment + fragmentLength;
        while (position < end) {
            if (end - position < HANDSHAKE_HEADER_LENGTH) {
                return false;
            }
            int messageLength = readUint24(data, position + 1);
            int fragmentOffset = readUint24(data, position + 6);
            int bodyLength = readUint24(data, position + 9);
            if (fragmentOffset + bodyLength > messageLength || bodyLength > end - position - HANDSHAKE_HEADER_LENGTH) {
                return false;
            }
            position += HANDSHAKE_HEADER_LENGTH + bodyLength;
        }
        return fragmentLength > 0;
    }

    private static int readUint16(byte[] data, int index) {
        return ((data[index] & 0xFF) << 8) | (data[index + 1] & 0xFF);
    }

    private static int readUint24(byte[] data, int index) {
        return ((data[index] & 0xFF) << 16) | readUint16(data, index + 1);
    }
}
