package dev.sfu.media.rtp;

import dev.sfu.media.packet.PacketBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpStreamRewriterTest {
    private final RtpPacket rtp = new RtpPacket();

    private RtpPacket packet(int seq, long ts) {
        PacketBuffer p = new PacketBuffer().copyFrom(new byte[12], 0, 12);
        p.setByte(0, 0x80);
        p.setShort(2, seq);
        p.setInt(4, ts);
        assertTrue(rtp.wrap(p));
        return rtp;
    }

    @Test
    void keepsForwardingAcrossManySequenceNumberWrapArounds() {
        RtpStreamRewriter r = new RtpStreamRewriter(48000);
        int expectedOut = 100;
        for (int i = 0; i < 200_000; i++) {
            int inSeq = (100 + i) & 0xFFFF;
            assertTrue(r.rewrite(packet(inSeq, i * 960L), i * 20L), "packet " + i + " was dropped");
            assertEquals(expectedOut, rtp.sequenceNumber());
            expectedOut = (expectedOut + 1) & 0xFFFF;
        }
        // a packet from far behind the stream still belongs to an old mapping
        assertFalse(r.rewrite(packet((100 + 200_000 - 30_000) & 0xFFFF, 0), 4_000_000L));
    }

    @Test
    void passesTheFirstMappingThroughUnchanged() {
        RtpStreamRewriter r = new RtpStreamRewriter(90000);
        assertTrue(r.rewrite(packet(100, 5000), 0));
        assertEquals(100, rtp.sequenceNumber());
        assertEquals(5000, rtp.timestamp());
    }

    @Test
    void continuesWithoutAHoleAfterAResyncAndAdvancesTimestampByTheWallClockGap() {
        RtpStreamRewriter r = new RtpStreamRewriter(90000);
        r.rewrite(packet(65534, 0xFFFFFF00L), 1000);
        r.rewrite(packet(65535, 0xFFFFFF00L + 3000), 1033);
        r.resync();                                  // e.g. paused, and the source moved on meanwhile
        assertTrue(r.rewrite(packet(4000, 777), 3033));
        assertEquals(0, rtp.sequenceNumber(), "seq continues across the wrap without a hole");
        assertEquals((0xFFFFFF00L + 3000 + 2000 * 90) & 0xFFFFFFFFL, rtp.timestamp(), "2 s gap at 90 kHz");
        assertTrue(r.rewrite(packet(4001, 777 + 3000), 3066));
        assertEquals(1, rtp.sequenceNumber());
        assertEquals((0xFFFFFF00L + 3000 + 2000 * 90 + 3000) & 0xFFFFFFFFL, rtp.timestamp());
    }

    @Test
    void dropsPacketsOlderThanTheCurrentMappingButKeepsReorderedOnes() {
        RtpStreamRewriter r = new RtpStreamRewriter(48000);
        r.rewrite(packet(10, 0), 0);
        r.rewrite(packet(12, 1920), 40);
        assertTrue(r.rewrite(packet(11, 960), 41), "reordered within the mapping");
        assertEquals(11, rtp.sequenceNumber());
        assertEquals(12, r.highestOutputSeq());
        r.resync();
        r.rewrite(packet(500, 100_000), 100);
        assertEquals(13, rtp.sequenceNumber());
        assertFalse(r.rewrite(packet(499, 99_000), 101), "belongs to the old mapping");
        assertEquals(500, r.inputSeq(13));
        assertTrue(r.isCurrentMapping(13));
        assertFalse(r.isCurrentMapping(12));
    }

    @Test
    void timestampAlwaysMovesForwardOnResync() {
        RtpStreamRewriter r = new RtpStreamRewriter(48000);
        r.rewrite(packet(1, 1000), 50);
        r.resync();
        r.rewrite(packet(9, 5), 50);
        assertEquals(2, rtp.sequenceNumber());
        assertEquals(1001, rtp.timestamp(), "at least one tick forward");
    }
}
