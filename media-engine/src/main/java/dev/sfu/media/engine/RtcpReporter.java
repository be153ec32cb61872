package dev.sfu.media.engine;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtcp.SenderReport;
import dev.sfu.media.rtcp.SourceDescription;
import dev.sfu.media.rtp.ReceiveStreamStatistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The periodic reports of one transport: Receiver Reports about the streams its client sends us, and a Sender
 * Report (+ SDES CNAME) for each stream we send it.
 */
final class RtcpReporter {
    private final long rtcpSenderSsrc;
    private final java.util.function.Consumer<PacketBuffer> sink;
    private final PacketBuffer rtcpOut = new PacketBuffer();
    private final long[] timesScratch = new long[2];

    RtcpReporter(long rtcpSenderSsrc, java.util.function.Consumer<PacketBuffer> sink) {
        this.rtcpSenderSsrc = rtcpSenderSsrc;
        this.sink = sink;
    }

    /** One RR about every producer stream we receive (31 blocks per packet). */
    void sendReceiverReports(Collection<Producer> producers, long now) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (Producer p : producers) {
            for (int i = 0; i < p.streamCount(); i++) {
                ProducerStream s = p.stream(i);
                ReceiveStreamStatistics st = s.statistics();
                if (!st.started() || s.ssrc() < 0) {
                    continue;
                }
                blocks.add(new ReportBlock(s.ssrc(), st.takeFractionLost(), st.cumulativeLost(),
                        st.extendedHighestSeq() & 0xFFFFFFFFL, st.jitterRtpUnits() & 0xFFFFFFFFL, s.lastSrField(),
                        s.delaySinceLastSrField(now)));
            }
        }
        for (int from = 0; from < blocks.size(); from += ReceiverReport.MAX_BLOCKS) {
            List<ReportBlock> chunk = blocks.subList(from, Math.min(blocks.size(), from + ReceiverReport.MAX_BLOCKS));
            rtcpOut.setLength(0);
            new ReceiverReport(rtcpSenderSsrc, chunk).writeTo(rtcpOut, 0);
            sink.accept(rtcpOut);
        }
    }

    /** One SR + SDES(CNAME) compound per consumer stream that has sent media. */
    void sendSenderReports(Collection<Consumer> consumers, long now) {
        for (Consumer c : consumers) {
            for (int i = 0; i < c.streamCount(); i++) {
                if (c.paused() || !c.senderReportTimes(i, now, timesScratch)) {
                    continue;
                }
                long ssrc = c.ssrc(i);
                rtcpOut.setLength(0);
                int end = new SenderReport(ssrc, timesScratch[0], timesScratch[1], c.packetsSent(i) & 0xFFFFFFFFL,
                        c.bytesSent(i) & 0xFFFFFFFFL, List.of()).writeTo(rtcpOut, 0);
                if (c.cname() != null) {
                    new SourceDescription(List.of(new SourceDescription.Chunk(ssrc, c.cname()))).writeTo(rtcpOut, end);
                }
                sink.accept(rtcpOut);
            }
        }
    }

}
