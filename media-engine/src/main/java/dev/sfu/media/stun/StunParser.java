package dev.sfu.media.stun;

import java.util.ArrayList;
import java.util.List;

/** Turns a datagram into a {@link StunMessage} or a {@link StunParseResult.Malformed} reason; never throws. */
final class StunParser {
    private StunParser() {
    }

    static StunParseResult parse(byte[] data, int offset, int length) {
        if (data == null || offset < 0 || length < StunMessage.HEADER_LENGTH || offset + length > data.length) {
            return malformed("shorter than a STUN header");
        }
        int type = u16(data, offset);
        if ((type & 0xC000) != 0) {
            return malformed("top two bits of the message type are not zero");
        }
        int bodyLength = u16(data, offset + 2);
        if ((bodyLength & 3) != 0) {
            return malformed("message length " + bodyLength + " is not a multiple of 4");
        }
        if (StunMessage.HEADER_LENGTH + bodyLength != length) {
            return malformed("message length " + bodyLength + " does not match datagram size " + length);
        }
        if (u32(data, offset + 4) != StunMessage.MAGIC_COOKIE) {
            return malformed("bad magic cookie");
        }
        byte[] raw = new byte[length];
        System.arraycopy(data, offset, raw, 0, length);
        byte[] transactionId = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        System.arraycopy(raw, 8, transactionId, 0, transactionId.length);

        List<StunAttribute> attributes = new ArrayList<>();
        boolean afterIntegrity = false;
        boolean afterFingerprint = false;
        int pos = StunMessage.HEADER_LENGTH;
        while (pos < length) {
            if (pos + 4 > length) {
                return malformed("truncated attribute header at " + pos);
            }
            int attrType = u16(raw, pos);
            int attrLength = u16(raw, pos + 2);
            if (pos + 4 + attrLength > length) {
                return malformed("attribute 0x" + Integer.toHexString(attrType) + " overruns the message");
            }
            if (afterFingerprint) {
                return malformed("attribute after FINGERPRINT");
            }
            // After MESSAGE-INTEGRITY only FINGERPRINT counts; anything else is ignored (RFC 5389 section 15.4).
            if (!afterIntegrity || attrType == StunAttributeType.FINGERPRINT) {
                byte[] value = new byte[attrLength];
                System.arraycopy(raw, pos + 4, value, 0, attrLength);
                attributes.add(new StunAttribute(attrType, value, pos));
            }
            afterIntegrity |= attrType == StunAttributeType.MESSAGE_INTEGRITY;
            afterFingerprint |= attrType == StunAttributeType.FINGERPRINT;
            pos += 4 + ((attrLength + 3) & ~3);
        }
        if (pos != length) {
            return malformed("attribute padding overruns the message");
        }
        int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        int classBits = ((type & 0x0010) >> 4) | ((type & 0x0100) >> 7);
        StunMessage message = new StunMessage(method, StunClass.fromBits(classBits), transactionId, attributes, raw);
        return new StunParseResult.Parsed(message);
    }

    static int messageType(int method, StunClass messageClass) {
        int c = messageClass.bits();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((c & 1) << 4) | ((c & 2) << 7);
    }

    private static StunParseResult malformed(String reason) {
        return new StunParseResult.Malformed(reason);
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u32(byte[] b, int i) {
        return (u16(b, i) << 16) | u16(b, i + 2);
    }
}
