package dev.sfu.media.srtp;

import static dev.sfu.media.srtp.SrtpReference.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {
    /** RFC 3711 Appendix B.3 master key and salt. */
    private static final byte[] B3_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] B3_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");
    /** RFC 7714 Section 16 key and salt (used here as master key and salt). */
    private static final byte[] GCM_KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] GCM_SALT = hex("517569642070726f2071756f");
    private static final byte[] RFC7714_RTP = hex("8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973"
            + "20646976 69736120 696e2070 61727465 73207472 6573");
    private static final byte[] RFC7714_RTCP = hex("81c8000d 4d617273 4e545031 4e545032 52545020 0000042a"
            + "0000e930 4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef");

    // --- known answers -------------------------------------------------------------------------------------

    @Test
    void cmProtectsRtpLikeTheRfc3711TransformUnderTheB3Keys() {
        SrtpSession session = SrtpSession.fromKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, B3_KEY, B3_SALT, B3_KEY, B3_SALT);
        byte[] rtp = hex("800f1234 decafbad cafebabe abababab abababab abababab abababab");

        byte[] expected = SrtpReference.protectRtpCm(rtp,
                hex("C61E7A93744F39EE10734AFE3FF7A087"),          // B.3 derived cipher key
                hex("30CBBC08863D8C85D49DB34A9AE1"),              // B.3 derived salt
                hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"),  // B.3 derived auth key
                0, 10);
        PacketBuffer packet = buffer(rtp);
        assertTrue(session.protectRtp(packet));
        assertArrayEquals(expected, packet.toByteArray());
        // The same packet as published with libsrtp's AES-CM-128/HMAC-SHA1-80 self-test (same key material).
        assertArrayEquals(hex("800f1234 decafbad cafebabe 4e55dc4c e79978d8 8ca4d215 949d2402 b78d6acc"
                + "99ea179b 8dbb"), packet.toByteArray());
    }

    @Test
    void cmProtectsRtcpLikeTheRfc3711Transform() {
        SrtpSession session = SrtpSession.fromKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, B3_KEY, B3_SALT, B3_KEY, B3_SALT);
        PacketBuffer packet = buffer(RFC7714_RTCP);
        assertTrue(session.protectRtcp(packet));
        byte[] out = packet.toByteArray();

        int index = (int) SrtpReference.readUint32(out, out.length - 14) & 0x7FFFFFFF;
        byte[] expected = SrtpReference.protectRtcpCm(RFC7714_RTCP,
                SrtpReference.deriveSessionKey(B3_KEY, B3_SALT, SrtpReference.LABEL_RTCP_ENCRYPTION, 16),
                SrtpReference.deriveSessionKey(B3_KEY, B3_SALT, SrtpReference.LABEL_RTCP_SALT, 14),
                SrtpReference.deriveSessionKey(B3_KEY, B3_SALT, SrtpReference.LABEL_RTCP_AUTH, 20),
                index, 10);
        assertArrayEquals(expected, out);
    }

    @Test
    void gcmProtectsTheRfc7714RtpPacketLikeTheRfc7714Transform() {
        SrtpSession session = SrtpSession.fromKeys(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT, GCM_KEY, GCM_SALT);
        PacketBuffer packet = buffer(RFC7714_RTP);
        assertTrue(session.protectRtp(packet));

        // jitsi only takes master keys, so the session key and salt come from the RFC 3711 KDF (RFC 7714 §11).
        byte[] expected = SrtpReference.protectRtpGcm(RFC7714_RTP,
                SrtpReference.deriveSessionKey(GCM_KEY, GCM_SALT, SrtpReference.LABEL_RTP_ENCRYPTION, 16),
                SrtpReference.deriveSessionKey(GCM_KEY, GCM_SALT, SrtpReference.LABEL_RTP_SALT, 12), 0);
        assertArrayEquals(expected, packet.toByteArray());
    }

    @Test
    void gcmProtectsTheRfc7714RtcpPacketLikeTheRfc7714Transform() {
        SrtpSession session = SrtpSession.fromKeys(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT, GCM_KEY, GCM_SALT);
        PacketBuffer packet = buffer(RFC7714_RTCP);
        assertTrue(session.protectRtcp(packet));
        byte[] out = packet.toByteArray();

        int index = (int) SrtpReference.readUint32(out, out.length - 4) & 0x7FFFFFFF;
        byte[] expected = SrtpReference.protectRtcpGcm(RFC7714_RTCP,
                SrtpReference.deriveSessionKey(GCM_KEY, GCM_SALT, SrtpReference.LABEL_RTCP_ENCRYPTION, 16),
                SrtpReference.deriveSessionKey(GCM_KEY, GCM_SALT, SrtpReference.LABEL_RTCP_SALT, 12), index);
        assertArrayEquals(expected, out);
    }

    // --- round trips and drops -----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpAndRtcpRoundTripBothWays(SrtpProfile profile) {
        SrtpSession[] pair = pair(profile);
        for (int seq = 100; seq < 110; seq++) {
            assertRtpRoundTrip(pair[0], pair[1], rtp(seq, 0xCAFEBABEL));
            assertRtpRoundTrip(pair[1], pair[0], rtp(seq, 0x0BADF00DL));
        }
        assertRtcpRoundTrip(pair[0], pair[1], RFC7714_RTCP);
        assertRtcpRoundTrip(pair[1], pair[0], RFC7714_RTCP);
        assertEquals(11, pair[0].counters().protectedPackets());
        assertEquals(11, pair[1].counters().unprotectedPackets());
        assertEquals(0, pair[1].counters().authFailures() + pair[1].counters().otherDrops());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpWithCsrcAndHeaderExtensionRoundTrips(SrtpProfile profile) {
        SrtpSession[] pair = pair(profile);
        byte[] rtp = hex("92 6f 0001 00000001 11223344 55667788 BEDE0001 10AA0000 01020304 05060708");
        assertRtpRoundTrip(pair[0], pair[1], rtp);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPacketsFailAuthentication(SrtpProfile profile) {
        SrtpSession[] pair = pair(profile);
        PacketBuffer rtp = protectedRtp(pair[0], 1);
        rtp.getBuffer()[rtp.getOffset() + 14] ^= 0x01;
        assertFalse(pair[1].unprotectRtp(rtp));

        PacketBuffer rtcp = buffer(RFC7714_RTCP);
        assertTrue(pair[0].protectRtcp(rtcp));
        rtcp.getBuffer()[rtcp.getOffset() + 10] ^= 0x40;
        assertFalse(pair[1].unprotectRtcp(rtcp));

        assertEquals(2, pair[1].counters().authFailures());
        assertEquals(0, pair[1].counters().unprotectedPackets());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreDropped(SrtpProfile profile) {
        SrtpSession[] pair = pair(profile);
        byte[] wire = protectedRtp(pair[0], 5).toByteArray();
        assertTrue(pair[1].unprotectRtp(buffer(wire)));
        assertFalse(pair[1].unprotectRtp(buffer(wire)));

        PacketBuffer rtcp = buffer(RFC7714_RTCP);
        assertTrue(pair[0].protectRtcp(rtcp));
        byte[] rtcpWire = rtcp.toByteArray();
        assertTrue(pair[1].unprotectRtcp(buffer(rtcpWire)));
        assertFalse(pair[1].unprotectRtcp(buffer(rtcpWire)));

        assertEquals(2, pair[1].counters().replayDrops());
        assertEquals(2, pair[1].counters().unprotectedPackets());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedAndGarbagePacketsAreDroppedWithoutThrowing(SrtpProfile profile) {
        SrtpSession[] pair = pair(profile);
        byte[] wire = protectedRtp(pair[0], 9).toByteArray();
        for (int length = 0; length < wire.length; length++) {
            assertFalse(pair[1].unprotectRtp(buffer(Arrays.copyOf(wire, length))), "length " + length);
            assertFalse(pair[1].unprotectRtcp(buffer(Arrays.copyOf(wire, length))), "length " + length);
        }
        assertFalse(pair[0].protectRtp(buffer(new byte[5])));
        assertFalse(pair[0].protectRtcp(buffer(new byte[3])));
        // Header extension length pointing far past the end.
        assertFalse(pair[0].protectRtp(buffer(hex("90 6f 0001 00000001 11223344 BEDE FFFF"))));
        assertTrue(pair[1].counters().otherDrops() + pair[1].counters().authFailures() > 0);
        // The genuine packet still passes afterwards: garbage left no state behind.
        assertTrue(pair[1].unprotectRtp(buffer(wire)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomBytesNeverEscapeAsExceptions(SrtpProfile profile) {
        SrtpSession[] pair = pair(profile);
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(120)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length > 0) {
                bytes[0] = (byte) (0x80 | (bytes[0] & 0x3F)); // version 2, to get past the first check
            }
            pair[1].unprotectRtp(buffer(bytes));
            pair[1].unprotectRtcp(buffer(bytes));
            pair[0].protectRtp(buffer(bytes));
            pair[0].protectRtcp(buffer(bytes));
        }
        assertEquals(0, pair[1].counters().unprotectedPackets());
        assertRtpRoundTrip(pair[0], pair[1], rtp(1000, 0x12345678L));
    }

    // --- construction --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void dtlsKeyingMaterialGivesTheClientTheClientKeys(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        new Random(3).nextBytes(material);
        SrtpSession client = SrtpSession.fromDtlsKeyingMaterial(profile, material, true);
        SrtpSession server = SrtpSession.fromDtlsKeyingMaterial(profile, material, false);
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * (k + s));
        SrtpSession explicitClient = SrtpSession.fromKeys(profile, clientKey, clientSalt, serverKey, serverSalt);

        byte[] fromMaterial = protectedRtp(client, 7).toByteArray();
        assertArrayEquals(protectedRtp(explicitClient, 7).toByteArray(), fromMaterial);
        assertTrue(server.unprotectRtp(buffer(fromMaterial)));
        assertRtpRoundTrip(server, client, rtp(8, 0x99L));
    }

    @Test
    void wrongKeyLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SrtpSession.fromKeys(SrtpProfile.AEAD_AES_128_GCM,
                GCM_KEY, B3_SALT, GCM_KEY, GCM_SALT));
        assertThrows(IllegalArgumentException.class, () -> SrtpSession.fromDtlsKeyingMaterial(
                SrtpProfile.AES128_CM_HMAC_SHA1_80, new byte[10], true));
    }

    @Test
    void closedSessionDropsEverything() {
        SrtpSession[] pair = pair(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        pair[0].close();
        assertFalse(pair[0].protectRtp(buffer(rtp(1, 1))));
        pair[0].close();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static SrtpSession[] pair(SrtpProfile profile) {
        Random random = new Random(profile.ordinal());
        byte[] keyA = new byte[profile.keyLength()];
        byte[] saltA = new byte[profile.saltLength()];
        byte[] keyB = new byte[profile.keyLength()];
        byte[] saltB = new byte[profile.saltLength()];
        random.nextBytes(keyA);
        random.nextBytes(saltA);
        random.nextBytes(keyB);
        random.nextBytes(saltB);
        return new SrtpSession[] {
            SrtpSession.fromKeys(profile, keyA, saltA, keyB, saltB),
            SrtpSession.fromKeys(profile, keyB, saltB, keyA, saltA),
        };
    }

    private static PacketBuffer protectedRtp(SrtpSession sender, int seq) {
        PacketBuffer packet = buffer(rtp(seq, 0xCAFEBABEL));
        assertTrue(sender.protectRtp(packet));
        return packet;
    }

    private static void assertRtpRoundTrip(SrtpSession sender, SrtpSession receiver, byte[] rtp) {
        PacketBuffer packet = buffer(rtp);
        assertTrue(sender.protectRtp(packet));
        assertEquals(rtp.length + sender.profile().rtpAuthTagLength(), packet.getLength());
        assertTrue(receiver.unprotectRtp(packet));
        assertArrayEquals(rtp, packet.toByteArray());
    }

    private static void assertRtcpRoundTrip(SrtpSession sender, SrtpSession receiver, byte[] rtcp) {
        PacketBuffer packet = buffer(rtcp);
        assertTrue(sender.protectRtcp(packet));
        assertTrue(receiver.unprotectRtcp(packet));
        assertArrayEquals(rtcp, packet.toByteArray());
    }

    private static PacketBuffer buffer(byte[] bytes) {
        return new PacketBuffer().copyFrom(bytes, 0, bytes.length);
    }

    private static byte[] rtp(int seq, long ssrc) {
        byte[] packet = new byte[12 + 40];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        packet[6] = (byte) (seq >>> 8);
        packet[7] = (byte) seq;
        for (int i = 0; i < 4; i++) {
            packet[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
        }
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) (i * 7);
        }
        return packet;
    }
}
