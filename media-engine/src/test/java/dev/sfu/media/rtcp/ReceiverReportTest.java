package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiverReportTest {
    private static final ReportBlock CHROME_BLOCK =
            new ReportBlock(0x5e2c8a11L, 5, 42, 0x11a2bL, 60, 0xe2401234L, 0x28000L);

    @Test
    void parsesChromeReceiverReport() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("chrome-rr-sdes.hex"));
        assertTrue(r.next());
        assertEquals(new ReceiverReport(1, List.of(CHROME_BLOCK)), ReceiverReport.parse(r));
    }

    @Test
    void writesTheSameBytes() {
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        new ReceiverReport(1, List.of(CHROME_BLOCK)).writeTo(out, 0);
        assertArrayEquals(java.util.Arrays.copyOf(PacketFixtures.bytes("chrome-rr-sdes.hex"), 32), out.toByteArray());
    }

    @Test
    void negativeCumulativeLossSurvivesTheRoundTrip() {
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        ReceiverReport rr = new ReceiverReport(7, List.of(new ReportBlock(1, 0, -5, 1, 0, 0, 0)));
        rr.writeTo(out, 0);
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        assertTrue(r.next());
        assertEquals(-5, ReceiverReport.parse(r).reports().get(0).cumulativeLost());
    }

    @Test
    void holdsAtMost31Blocks() {
        List<ReportBlock> blocks = new ArrayList<>(Collections.nCopies(32, CHROME_BLOCK));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverReport(1, blocks));
    }
}
