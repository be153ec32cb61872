package dev.sfu.media.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StunMessageTest {
    private static final byte[] KEY = Rfc5769Vectors.PASSWORD.getBytes(StandardCharsets.UTF_8);

    private static StunMessage parse(byte[] bytes) {
        StunParseResult result = StunMessage.parse(bytes, 0, bytes.length);
        return assertInstanceOf(StunParseResult.Parsed.class, result, result.toString()).message();
    }

    @Test
    void sampleRequestVerifiesIntegrityAndFingerprint() {
        StunMessage m = parse(Rfc5769Vectors.REQUEST);
        assertTrue(m.isBindingRequest());
        assertArrayEquals(Rfc5769Vectors.TRANSACTION_ID, m.transactionId());
        assertEquals(Rfc5769Vectors.USERNAME, m.username().orElseThrow());
        assertEquals(0x6e0001ffL, m.priority().orElseThrow());
        assertEquals(0x932ff9b151263b36L, m.iceControlled().orElseThrow());
        assertFalse(m.useCandidate());
        assertTrue(m.hasValidIntegrity(KEY));
        assertTrue(m.hasValidFingerprint());
    }

    @Test
    void sampleIpv4ResponseVerifiesAndDecodesAddress() {
        StunMessage m = parse(Rfc5769Vectors.IPV4_RESPONSE);
        assertEquals(StunClass.SUCCESS_RESPONSE, m.messageClass());
        assertEquals(StunMessage.METHOD_BINDING, m.method());
        assertEquals(new InetSocketAddress("192.0.2.1", 32853), m.xorMappedAddress().orElseThrow());
        assertTrue(m.hasValidIntegrity(KEY));
        assertTrue(m.hasValidFingerprint());
    }

    @Test
    void sampleIpv6ResponseVerifiesAndDecodesAddress() {
        StunMessage m = parse(Rfc5769Vectors.IPV6_RESPONSE);
        assertEquals(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853),
                m.xorMappedAddress().orElseThrow());
        assertTrue(m.hasValidIntegrity(KEY));
        assertTrue(m.hasValidFingerprint());
    }

    @Test
    void wrongPasswordFailsIntegrity() {
        assertFalse(parse(Rfc5769Vectors.REQUEST).hasValidIntegrity("wrong".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void flippedByteFailsIntegrityAndFingerprint() {
        byte[] tampered = Rfc5769Vectors.REQUEST.clone();
        tampered[53] ^= 0x01; // inside the ICE-CONTROLLED tie breaker
        StunMessage m = parse(tampered);
        assertFalse(m.hasValidIntegrity(KEY));
        assertFalse(m.hasValidFingerprint());
    }

    @Test
    void everyTruncationIsMalformedNotAnException() {
        byte[] request = Rfc5769Vectors.REQUEST;
        for (int length = 0; length < request.length; length++) {
            StunParseResult r = StunMessage.parse(request, 0, length);
            assertInstanceOf(StunParseResult.Malformed.class, r, "length " + length);
        }
    }

    @Test
    void lengthFieldLyingAboutAttributesIsMalformed() {
        byte[] bad = Rfc5769Vectors.REQUEST.clone();
        bad[23] = (byte) 0xFF; // SOFTWARE claims 255 bytes
        assertInstanceOf(StunParseResult.Malformed.class, StunMessage.parse(bad, 0, bad.length));
    }

    @Test
    void badCookieIsMalformed() {
        byte[] bad = Rfc5769Vectors.REQUEST.clone();
        bad[4] = 0;
        assertInstanceOf(StunParseResult.Malformed.class, StunMessage.parse(bad, 0, bad.length));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(120)];
            random.nextBytes(junk);
            if (junk.length >= 8 && random.nextBoolean()) {
                // Make some look like STUN so the attribute walk runs on garbage.
                junk[0] &= 0x3F;
                junk[2] = (byte) ((junk.length - 20) >>> 8);
                junk[3] = (byte) (junk.length - 20);
                System.arraycopy(new byte[] {0x21, 0x12, (byte) 0xA4, 0x42}, 0, junk, 4, 4);
            }
            StunMessage.parse(junk, 0, junk.length);
        }
        assertInstanceOf(StunParseResult.Malformed.class, StunMessage.parse(null, 0, 0));
        assertInstanceOf(StunParseResult.Malformed.class, StunMessage.parse(new byte[4], 2, 30));
    }

    @Test
    void parsesAtAnOffset() {
        byte[] padded = new byte[Rfc5769Vectors.REQUEST.length + 7];
        Arrays.fill(padded, (byte) 0x55);
        System.arraycopy(Rfc5769Vectors.REQUEST, 0, padded, 7, Rfc5769Vectors.REQUEST.length);
        StunMessage m = parse(Arrays.copyOfRange(padded, 7, padded.length));
        assertTrue(StunMessage.parse(padded, 7, Rfc5769Vectors.REQUEST.length) instanceof StunParseResult.Parsed);
        assertTrue(m.hasValidFingerprint());
    }

    @Test
    void errorCodeIsDecoded() {
        byte[] bytes = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.ERROR_RESPONSE,
                Rfc5769Vectors.TRANSACTION_ID).errorCode(401, "Unauthorized").build(null, true);
        StunMessage m = parse(bytes);
        assertEquals(new StunErrorCode(401, "Unauthorized"), m.errorCode().orElseThrow());
        assertEquals(StunClass.ERROR_RESPONSE, m.messageClass());
        assertTrue(m.hasValidFingerprint());
    }
}
