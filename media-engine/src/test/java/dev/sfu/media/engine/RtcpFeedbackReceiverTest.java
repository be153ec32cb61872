package dev.sfu.media.engine;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtcpFeedbackReceiverTest {

    private static PacketBuffer fixture(String name) {
        return PacketFixtures.buffer(name);
    }

    @Test
    void countsWhatNoStreamClaimsAndNeverThrows() {
        RtcpFeedbackReceiver receiver = new RtcpFeedbackReceiver(new SsrcTable<>(), new SsrcTable<>());
        for (String name : new String[] {"chrome-rr-sdes.hex", "chrome-sr-sdes.hex", "pli.hex", "fir.hex", "nack.hex"}) {
            receiver.receive(fixture(name), 0);
        }
        assertEquals(0, receiver.malformed());
        receiver.receive(fixture("remb.hex"), 0);
        receiver.receive(fixture("transport-cc.hex"), 0);
        assertEquals(1_280_000, receiver.availableIncomingBitrateBps());
        assertEquals(1, receiver.transportCcFeedbacks());
        byte[] truncated = PacketFixtures.bytes("chrome-rr-sdes.hex");
        receiver.receive(PacketBuffer.wrap(truncated, 0, truncated.length - 3), 0);
        byte[] lyingSr = PacketFixtures.hex("81 c8 00 06 f7 b1 6e 83 e9 d5 a8 c4 40 00 00 00 d4 09 05 49 00 00 04 b0 00 0e a6 00");
        receiver.receive(PacketBuffer.wrap(lyingSr, 0, lyingSr.length), 0);
        assertEquals(2, receiver.malformed());
        assertEquals(-1, receiver.rttMillis());
    }
}
