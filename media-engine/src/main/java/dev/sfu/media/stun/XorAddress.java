package dev.sfu.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Encodes and decodes XOR-MAPPED-ADDRESS values (RFC 5389 section 15.2): the port is XOR-ed with the top half of
 * the magic cookie, an IPv4 address with the cookie, an IPv6 address with the cookie followed by the transaction id.
 */
public final class XorAddress {
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;

    private XorAddress() {
    }

    public static byte[] encode(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        byte[] value = new byte[4 + ip.length];
        value[1] = (byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
        int port = address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
        value[2] = (byte) (port >>> 8);
        value[3] = (byte) port;
        byte[] mask = mask(transactionId);
        for (int i = 0; i < ip.length; i++) {
            value[4 + i] = (byte) (ip[i] ^ mask[i]);
        }
        return value;
    }

    /** The address, or null when the value is too short or of an unknown family. */
    public static InetSocketAddress decode(byte[] value, byte[] transactionId) {
        if (value.length < 4) {
            return null;
        }
        int ipLength = switch (value[1]) {
            case FAMILY_IPV4 -> 4;
            case FAMILY_IPV6 -> 16;
            default -> -1;
        };
        if (ipLength < 0 || value.length < 4 + ipLength) {
            return null;
        }
        int port = (((value[2] & 0xFF) << 8) | (value[3] & 0xFF)) ^ (StunMessage.MAGIC_COOKIE >>> 16);
        byte[] mask = mask(transactionId);
        byte[] ip = new byte[ipLength];
        for (int i = 0; i < ipLength; i++) {
            ip[i] = (byte) (value[4 + i] ^ mask[i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            return null; // cannot happen for 4 or 16 bytes
        }
    }

    /** Magic cookie followed by the transaction id: the 16-byte XOR mask (IPv4 uses the first 4 bytes). */
    private static byte[] mask(byte[] transactionId) {
        byte[] mask = new byte[16];
        int cookie = StunMessage.MAGIC_COOKIE;
        mask[0] = (byte) (cookie >>> 24);
        mask[1] = (byte) (cookie >>> 16);
        mask[2] = (byte) (cookie >>> 8);
        mask[3] = (byte) cookie;
        System.arraycopy(transactionId, 0, mask, 4, 12);
        return mask;
    }
}
