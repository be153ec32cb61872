package dev.sfu.media.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StunMessageBuilderTest {
    private static final byte[] KEY = Rfc5769Vectors.PASSWORD.getBytes(StandardCharsets.UTF_8);

    private static StunMessageBuilder binding(StunClass c) {
        // RFC 5769 pads with spaces; padding content is free, so we match it to compare bytes.
        return new StunMessageBuilder(StunMessage.METHOD_BINDING, c, Rfc5769Vectors.TRANSACTION_ID).paddingByte(' ');
    }

    @Test
    void rebuildsSampleRequestByteForByte() {
        byte[] built = binding(StunClass.REQUEST)
                .software(Rfc5769Vectors.CLIENT_SOFTWARE)
                .priority(0x6e0001ffL)
                .iceControlled(0x932ff9b151263b36L)
                .username(Rfc5769Vectors.USERNAME)
                .build(KEY, true);
        assertArrayEquals(Rfc5769Vectors.REQUEST, built);
    }

    @Test
    void rebuildsSampleIpv4ResponseByteForByte() {
        byte[] built = binding(StunClass.SUCCESS_RESPONSE)
                .software(Rfc5769Vectors.SERVER_SOFTWARE)
                .xorMappedAddress(new InetSocketAddress("192.0.2.1", 32853))
                .build(KEY, true);
        assertArrayEquals(Rfc5769Vectors.IPV4_RESPONSE, built);
    }

    @Test
    void rebuildsSampleIpv6ResponseByteForByte() {
        byte[] built = binding(StunClass.SUCCESS_RESPONSE)
                .software(Rfc5769Vectors.SERVER_SOFTWARE)
                .xorMappedAddress(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853))
                .build(KEY, true);
        assertArrayEquals(Rfc5769Vectors.IPV6_RESPONSE, built);
    }

    @Test
    void iceCheckRoundTrips() {
        byte[] txId = StunMessageBuilder.randomTransactionId();
        byte[] built = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST, txId)
                .username("remote:local").priority(1234).iceControlling(-5L).useCandidate()
                .build(KEY, true);
        StunParseResult r = StunMessage.parse(built, 0, built.length);
        StunMessage m = assertInstanceOf(StunParseResult.Parsed.class, r).message();
        assertEquals("remote:local", m.username().orElseThrow());
        assertEquals(1234, m.priority().orElseThrow());
        assertEquals(-5L, m.iceControlling().orElseThrow());
        assertTrue(m.useCandidate());
        assertTrue(m.hasValidIntegrity(KEY));
        assertTrue(m.hasValidFingerprint());
        assertArrayEquals(txId, m.transactionId());
    }
}
