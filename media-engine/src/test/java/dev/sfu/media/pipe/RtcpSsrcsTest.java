package dev.sfu.media.pipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.Fir;
import dev.sfu.media.rtcp.GenericNack;
import dev.sfu.media.rtcp.Pli;
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtcp.SenderReport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpSsrcsTest {
    private final RtcpSsrcs ssrcs = new RtcpSsrcs();
    private final long[] out = new long[16];

    @Test
    void receiverReportPliAndNackNameTheirSenderAndMediaSources() {
        PacketBuffer p = new PacketBuffer();
        int end = new ReceiverReport(1, List.of(block(2), block(3))).writeTo(p, 0);
        end = new Pli(1, 4).writeTo(p, end);
        end = GenericNack.write(p, end, 1, 5, new int[] {7, 9}, 2);
        p.setLength(end);
        int n = ssrcs.collect(p, out);
        assertArrayEquals(new long[] {1, 2, 3, 1, 4, 1, 5}, Arrays.copyOf(out, n));
    }

    @Test
    void senderReportAndFirTargets() {
        PacketBuffer p = new PacketBuffer();
        int end = new SenderReport(10, 0, 0, 0, 0, List.of(block(11))).writeTo(p, 0);
        end = new Fir(12, 13, 1).writeTo(p, end);
        p.setLength(end);
        int n = ssrcs.collect(p, out);
        assertArrayEquals(new long[] {10, 11, 12, 0, 13}, Arrays.copyOf(out, n));
    }

    @Test
    void malformedOrEmptyRtcpIsRefused() {
        byte[] truncated = {(byte) 0x81, (byte) 201, 0, 7, 0, 0, 0, 1};
        assertEquals(-1, ssrcs.collect(PacketBuffer.wrap(truncated, 0, truncated.length), out));
        assertEquals(-1, ssrcs.collect(PacketBuffer.wrap(new byte[0], 0, 0), out));
    }

    private static ReportBlock block(long ssrc) {
        return new ReportBlock(ssrc, 0, 0, 0, 0, 0, 0);
    }
}
