package dev.sfu.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import org.junit.jupiter.api.Test;

class PacketClassifierTest {
    @Test
    void rangesFollowRfc7983() {
        for (int b = 0; b < 256; b++) {
            assertEquals(b <= 3, PacketClassifier.isStun(b), "stun " + b);
            assertEquals(b >= 20 && b <= 63, PacketClassifier.isDtls(b), "dtls " + b);
            assertEquals(b >= 128 && b <= 191, PacketClassifier.isRtpOrRtcp(b), "rtp " + b);
        }
    }

    @Test
    void rtcpIsTellByPacketType() {
        assertTrue(PacketClassifier.isRtcp(200));  // SR
        assertTrue(PacketClassifier.isRtcp(205));  // RTPFB
        assertFalse(PacketClassifier.isRtcp(96));  // RTP, PT 96, no marker
        assertFalse(PacketClassifier.isRtcp(0xE0)); // RTP, marker + PT 96
    }

    @Test
    void classifiesWholeDatagrams() {
        assertEquals(PacketKind.STUN, kindOf(0x00, 0x01));
        assertEquals(PacketKind.DTLS, kindOf(22, 0xFE));     // handshake record
        assertEquals(PacketKind.RTP_RTCP, kindOf(0x80, 0x60));
        assertEquals(PacketKind.UNKNOWN, kindOf(0x10, 0x00)); // ZRTP range
        assertEquals(PacketKind.UNKNOWN, kindOf(0x40, 0x00)); // TURN channel range
        assertEquals(PacketKind.UNKNOWN, kindOf(0xFF, 0x00));
        assertEquals(PacketKind.UNKNOWN, PacketClassifier.classify(PacketBuffer.wrap(new byte[0], 0, 0)));
    }

    private static PacketKind kindOf(int first, int second) {
        return PacketClassifier.classify(PacketBuffer.wrap(new byte[] {(byte) first, (byte) second}, 0, 2));
    }
}
