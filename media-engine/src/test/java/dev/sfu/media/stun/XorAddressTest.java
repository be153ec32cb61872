package dev.sfu.media.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class XorAddressTest {
    @Test
    void encodesTheRfc5769Ipv4Value() {
        byte[] value = XorAddress.encode(new InetSocketAddress("192.0.2.1", 32853), Rfc5769Vectors.TRANSACTION_ID);
        assertArrayEquals(Rfc5769Vectors.hex("0001a147e112a643"), value);
    }

    @Test
    void decodesWhatItEncodesForIpv6() {
        InetSocketAddress a = new InetSocketAddress("2001:db8::1", 443);
        assertEquals(a, XorAddress.decode(XorAddress.encode(a, Rfc5769Vectors.TRANSACTION_ID),
                Rfc5769Vectors.TRANSACTION_ID));
    }

    @Test
    void rejectsShortOrUnknownFamily() {
        assertNull(XorAddress.decode(new byte[3], Rfc5769Vectors.TRANSACTION_ID));
        assertNull(XorAddress.decode(new byte[] {0, 1, 0, 0, 1}, Rfc5769Vectors.TRANSACTION_ID));
        assertNull(XorAddress.decode(new byte[] {0, 9, 0, 0, 1, 2, 3, 4}, Rfc5769Vectors.TRANSACTION_ID));
    }
}
