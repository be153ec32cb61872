package dev.sfu.media.stun;

import java.util.HexFormat;

/** The test vectors of RFC 5769 section 2 (short-term credentials). */
final class Rfc5769Vectors {
    static final String USERNAME = "evtj:h6vY";
    static final String PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";
    static final String CLIENT_SOFTWARE = "STUN test client";
    static final String SERVER_SOFTWARE = "test vector";
    static final byte[] TRANSACTION_ID = hex("b7e7a701bc34d686fa87dfae");

    /** 2.1 Sample Request. */
    static final byte[] REQUEST = hex(
            "000100582112a442b7e7a701bc34d686fa87dfae"
            + "802200105354554e207465737420636c69656e74"
            + "002400046e0001ff"
            + "80290008932ff9b151263b36"
            + "000600096576746a3a68367659202020"
            + "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
            + "80280004e57a3bcf");

    /** 2.2 Sample IPv4 Response: 192.0.2.1 port 32853. */
    static final byte[] IPV4_RESPONSE = hex(
            "0101003c2112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220"
            + "002000080001a147e112a643"
            + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
            + "80280004c07d4c96");

    /** 2.3 Sample IPv6 Response: 2001:db8:1234:5678:11:2233:4455:6677 port 32853. */
    static final byte[] IPV6_RESPONSE = hex(
            "010100482112a442b7e7a701bc34d686fa87dfae"
            + "8022000b7465737420766563746f7220"
            + "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
            + "00080014a382954e4be67bf11784c97c8292c275bfe3ed41"
            + "80280004c8fb0b4c");

    private Rfc5769Vectors() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
