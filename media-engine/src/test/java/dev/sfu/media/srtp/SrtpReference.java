package dev.sfu.media.srtp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent, deliberately plain implementation of the SRTP transforms written from RFC 3711 and RFC 7714 on
 * top of the JDK's AES and HMAC, used only to check what jitsi-srtp produces. It is itself checked against the RFCs'
 * published vectors in {@code SrtpReferenceTest}. Slow and allocation-happy on purpose: clarity over speed.
 */
final class SrtpReference {
    static final int LABEL_RTP_ENCRYPTION = 0;
    static final int LABEL_RTP_AUTH = 1;
    static final int LABEL_RTP_SALT = 2;
    static final int LABEL_RTCP_ENCRYPTION = 3;
    static final int LABEL_RTCP_AUTH = 4;
    static final int LABEL_RTCP_SALT = 5;

    private SrtpReference() {
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    /**
     * RFC 3711 §4.3 key derivation with key_derivation_rate 0: AES-CM keystream under the master key, starting from
     * the master salt (left-aligned in the 128-bit block, zero-padded) with the label XORed into octet 7.
     */
    static byte[] deriveSessionKey(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
        iv[7] ^= (byte) label;
        return aesCmKeystream(masterKey, iv, length);
    }

    /** RFC 3711 §4.1.1 AES counter mode keystream from a 128-bit initial counter block. */
    static byte[] aesCmKeystream(byte[] key, byte[] iv, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(new byte[length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SRTP with AES-CM and HMAC-SHA1 (RFC 3711 §4.1.1, §4.2) under session keys; header length 12 (no CSRC/ext). */
    static byte[] protectRtpCm(byte[] rtp, byte[] encKey, byte[] saltKey, byte[] authKey, long roc, int tagLength) {
        long ssrc = readUint32(rtp, 8);
        long index = (roc << 16) | readUint16(rtp, 2);
        byte[] out = Arrays.copyOf(rtp, rtp.length);
        xor(out, 12, aesCmKeystream(encKey, cmIv(saltKey, ssrc, index), rtp.length - 12));
        byte[] authenticated = ByteBuffer.allocate(out.length + 4).put(out).putInt((int) roc).array();
        return concat(out, Arrays.copyOf(hmacSha1(authKey, authenticated), tagLength));
    }

    /** SRTCP with AES-CM and HMAC-SHA1 (RFC 3711 §3.4): encrypted body, E flag + index, then the tag. */
    static byte[] protectRtcpCm(byte[] rtcp, byte[] encKey, byte[] saltKey, byte[] authKey, int srtcpIndex,
                                int tagLength) {
        long ssrc = readUint32(rtcp, 4);
        byte[] body = Arrays.copyOf(rtcp, rtcp.length);
        xor(body, 8, aesCmKeystream(encKey, cmIv(saltKey, ssrc, srtcpIndex), rtcp.length - 8));
        byte[] withIndex = ByteBuffer.allocate(body.length + 4).put(body).putInt(0x80000000 | srtcpIndex).array();
        return concat(withIndex, Arrays.copyOf(hmacSha1(authKey, withIndex), tagLength));
    }

    /** SRTP with AEAD_AES_128_GCM (RFC 7714 §8): header as AAD, 16-octet tag appended. */
    static byte[] protectRtpGcm(byte[] rtp, byte[] key, byte[] salt, long roc) {
        byte[] iv = new byte[12];
        ByteBuffer.wrap(iv).putShort(2, (short) 0).putInt(2, (int) readUint32(rtp, 8)).putInt(6, (int) roc)
                .putShort(10, (short) readUint16(rtp, 2));
        xor(iv, 0, salt);
        byte[] header = Arrays.copyOf(rtp, 12);
        return concat(header, gcm(key, iv, header, Arrays.copyOfRange(rtp, 12, rtp.length)));
    }

    /** SRTCP with AEAD_AES_128_GCM (RFC 7714 §9): header || ciphertext || tag || E + index. */
    static byte[] protectRtcpGcm(byte[] rtcp, byte[] key, byte[] salt, int srtcpIndex) {
        byte[] iv = new byte[12];
        ByteBuffer.wrap(iv).putInt(2, (int) readUint32(rtcp, 4)).putInt(8, srtcpIndex);
        xor(iv, 0, salt);
        byte[] eAndIndex = ByteBuffer.allocate(4).putInt(0x80000000 | srtcpIndex).array();
        byte[] header = Arrays.copyOf(rtcp, 8);
        byte[] sealed = gcm(key, iv, concat(header, eAndIndex), Arrays.copyOfRange(rtcp, 8, rtcp.length));
        return concat(concat(header, sealed), eAndIndex);
    }

    static int readUint16(byte[] data, int index) {
        return ((data[index] & 0xFF) << 8) | (data[index + 1] & 0xFF);
    }

    static long readUint32(byte[] data, int index) {
        return ((long) readUint16(data, index) << 16) | readUint16(data, index + 2);
    }

    private static byte[] cmIv(byte[] saltKey, long ssrc, long index) {
        byte[] iv = new byte[16];
        System.arraycopy(saltKey, 0, iv, 0, saltKey.length);
        for (int i = 0; i < 4; i++) {
            iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 0; i < 6; i++) {
            iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
        }
        return iv;
    }

    private static byte[] gcm(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void xor(byte[] target, int offset, byte[] mask) {
        for (int i = 0; i < mask.length; i++) {
            target[offset + i] ^= mask[i];
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
