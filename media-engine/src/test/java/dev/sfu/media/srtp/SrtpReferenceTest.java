package dev.sfu.media.srtp;

import static dev.sfu.media.srtp.SrtpReference.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Checks the test-only reference implementation against the vectors published in RFC 3711 and RFC 7714. */
class SrtpReferenceTest {
    @Test
    void keyDerivationMatchesRfc3711AppendixB3() {
        byte[] masterKey = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] masterSalt = hex("0EC675AD498AFEEBB6960B3AABE6");

        assertArrayEquals(hex("C61E7A93744F39EE10734AFE3FF7A087"),
                SrtpReference.deriveSessionKey(masterKey, masterSalt, SrtpReference.LABEL_RTP_ENCRYPTION, 16));
        assertArrayEquals(hex("30CBBC08863D8C85D49DB34A9AE1"),
                SrtpReference.deriveSessionKey(masterKey, masterSalt, SrtpReference.LABEL_RTP_SALT, 14));
        assertArrayEquals(hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"),
                SrtpReference.deriveSessionKey(masterKey, masterSalt, SrtpReference.LABEL_RTP_AUTH, 20));
    }

    @Test
    void aesCounterModeMatchesRfc3711AppendixB2() {
        byte[] keystream = SrtpReference.aesCmKeystream(hex("2B7E151628AED2A6ABF7158809CF4F3C"),
                hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), 48);

        assertArrayEquals(hex("E03EAD0935C95E80E166B16DD92B4EB4 D23513162B02D0F72A43A2FE4A5F97AB"
                + "41E95B3BB0A2E8DD477901E4FCA894C0"), keystream);
    }

    @Test
    void gcmRtpMatchesRfc7714Section16() {
        byte[] rtp = hex("8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976 69736120"
                + "696e2070 61727465 73207472 6573");
        byte[] expected = hex("8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5 0d294e6f"
                + "42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1 6a9152cf 765ee439 0cce");

        assertArrayEquals(expected, SrtpReference.protectRtpGcm(rtp, RFC7714_KEY, RFC7714_SALT, 0));
    }

    @Test
    void gcmRtcpMatchesRfc7714Section17() {
        byte[] rtcp = hex("81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61"
                + "deadbeef deadbeef deadbeef deadbeef deadbeef");
        byte[] expected = hex("81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d c676a5f1"
                + "730d6fda 4ce09b46 86303ded 0bb9275b c84aa458 96cf4d2f c5abf872 45d9eade 800005d4");

        assertArrayEquals(expected, SrtpReference.protectRtcpGcm(rtcp, RFC7714_KEY, RFC7714_SALT, 0x5d4));
    }

    @Test
    void cmRtpIsTheInverseOfItself() {
        byte[] rtp = hex("800f1234 decafbad cafebabe abababab abababab abababab abababab");
        byte[] key = new byte[16];
        byte[] salt = new byte[14];
        byte[] once = SrtpReference.protectRtpCm(rtp, key, salt, new byte[20], 0, 10);
        byte[] twice = SrtpReference.protectRtpCm(Arrays.copyOf(once, rtp.length), key, salt, new byte[20], 0, 10);
        assertArrayEquals(rtp, Arrays.copyOf(twice, rtp.length), "counter mode XORs the same keystream");
    }

    private static final byte[] RFC7714_KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] RFC7714_SALT = hex("517569642070726f2071756f");
}
