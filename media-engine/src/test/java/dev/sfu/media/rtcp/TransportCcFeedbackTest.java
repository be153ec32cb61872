package dev.sfu.media.rtcp;

import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportCcFeedbackTest {

    @Test
    void readsTheFixedFieldsOfAChromeFeedback() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("transport-cc.hex"));
        assertTrue(r.next());
        assertFalse(GenericNack.is(r));
        assertEquals(new TransportCcFeedback(1, 0xdd586eb6L, 1, 9, 6197520, 0), TransportCcFeedback.parse(r));
    }

    @Test
    void isNotANack() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("nack.hex"));
        assertTrue(r.next());
        assertNull(TransportCcFeedback.parse(r));
    }
}
