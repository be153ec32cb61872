package dev.sfu.media.rtcp;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SenderReportTest {

    @Test
    void parsesChromeSenderReport() {
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketFixtures.buffer("chrome-sr-sdes.hex"));
        assertTrue(r.next());
        SenderReport sr = SenderReport.parse(r);
        assertEquals(new SenderReport(0xf7b16e83L, 0xe9d5a8c440000000L, 3557360969L, 1200, 960000, List.of()), sr);
    }

    @Test
    void writesWhatItParses() {
        SenderReport sr = new SenderReport(0xf7b16e83L, 0xe9d5a8c440000000L, 3557360969L, 1200, 960000, List.of());
        PacketBuffer out = new PacketBuffer();
        out.setLength(0);
        assertEquals(28, sr.writeTo(out, 0));
        byte[] fixture = PacketFixtures.bytes("chrome-sr-sdes.hex");
        assertArrayEquals(java.util.Arrays.copyOf(fixture, 28), out.toByteArray());

        SenderReport withBlock = new SenderReport(1, 2, 3, 4, 5,
                List.of(new ReportBlock(9, 10, -3, 70000, 11, 12, 13)));
        out.setLength(0);
        withBlock.writeTo(out, 0);
        RtcpCompoundReader r = new RtcpCompoundReader().reset(out);
        assertTrue(r.next());
        assertEquals(withBlock, SenderReport.parse(r));
    }

    @Test
    void rejectsATruncatedReport() {
        byte[] b = PacketFixtures.hex("81 c8 00 06 f7 b1 6e 83 e9 d5 a8 c4 40 00 00 00 d4 09 05 49 00 00 04 b0 00 0e a6 00");
        RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(b, 0, b.length));
        assertTrue(r.next());
        assertNull(SenderReport.parse(r), "claims one report block it does not have");
    }
}
