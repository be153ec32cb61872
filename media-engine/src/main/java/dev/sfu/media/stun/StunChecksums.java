package dev.sfu.media.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA1 for MESSAGE-INTEGRITY and CRC-32 for FINGERPRINT (RFC 5389 sections 15.4 and 15.5). */
final class StunChecksums {
    /** FINGERPRINT is the CRC-32 XOR-ed with this, so it differs from a CRC another protocol might carry. */
    static final int FINGERPRINT_XOR = 0x5354554e;
    static final int HMAC_LENGTH = 20;

    private StunChecksums() {
    }

    static byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    static int fingerprint(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }
}
