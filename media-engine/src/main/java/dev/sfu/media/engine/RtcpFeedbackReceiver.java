package dev.sfu.media.engine;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.Fir;
import dev.sfu.media.rtcp.GenericNack;
import dev.sfu.media.rtcp.Pli;
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.Remb;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import dev.sfu.media.rtcp.RtcpHeader;
import dev.sfu.media.rtcp.SenderReport;
import dev.sfu.media.rtcp.TransportCcFeedback;
import dev.sfu.media.rtp.NtpTime;

import java.util.List;

/**
 * Routes the RTCP a client sends to one transport: Sender Reports to the producer stream they describe,
 * report blocks, PLI/FIR and NACKs to the consumer whose SSRC they name, REMB and transport-cc to counters.
 * Malformed packets are counted and skipped, never thrown.
 */
final class RtcpFeedbackReceiver {
    private final SsrcTable<ProducerStream> producerStreamsBySsrc;
    private final SsrcTable<Consumer> consumersBySsrc;
    private final RtcpCompoundReader reader = new RtcpCompoundReader();
    private final int[] seqScratch = new int[1024];

    private long malformed;
    private long transportCcFeedbacks;
    private long availableIncomingBitrateBps;
    private double rttMillis = -1;

    RtcpFeedbackReceiver(SsrcTable<ProducerStream> producerStreamsBySsrc, SsrcTable<Consumer> consumersBySsrc) {
        this.producerStreamsBySsrc = producerStreamsBySsrc;
        this.consumersBySsrc = consumersBySsrc;
    }

    long malformed() { return malformed; }
    long transportCcFeedbacks() { return transportCcFeedbacks; }
    long availableIncomingBitrateBps() { return availableIncomingBitrateBps; }
    /** The latest RTT measured on any consumer of the transport, or -1. */
    double rttMillis() { return rttMillis; }

    void receive(PacketBuffer compound, long now) {
        RtcpCompoundReader r = reader.reset(compound);
        while (r.next()) {
            switch (r.packetType()) {
                case RtcpHeader.PT_SR: onSenderReport(SenderReport.parse(r), now); break;
                case RtcpHeader.PT_RR: onReceiverReport(ReceiverReport.parse(r), now); break;
                case RtcpHeader.PT_PSFB: onPayloadFeedback(r); break;
                case RtcpHeader.PT_RTPFB: onTransportFeedback(r, now); break;
                default: break;      // SDES, BYE, APP: nothing to do
            }
        }
        if (r.malformed()) {
            malformed++;
        }
    }

    private void onSenderReport(SenderReport sr, long now) {
        if (sr == null) {
            malformed++;
            return;
        }
        ProducerStream stream = producerStreamsBySsrc.get(sr.senderSsrc());
        if (stream != null && stream.ssrc() == sr.senderSsrc()) {
            stream.onSenderReport(sr.ntpTimestamp(), sr.rtpTimestamp(), now);
        }
        onReportBlocks(sr.reports(), now);
    }

    private void onReceiverReport(ReceiverReport rr, long now) {
        if (rr == null) {
            malformed++;
            return;
        }
        onReportBlocks(rr.reports(), now);
    }

    private void onReportBlocks(List<ReportBlock> blocks, long now) {
        long nowNtp = NtpTime.fromUnixMillis(now);
        for (ReportBlock block : blocks) {
            Consumer c = consumersBySsrc.get(block.ssrc());
            if (c != null && c.streamOfSsrc(block.ssrc()) >= 0) {
                c.onReportBlock(block, nowNtp);
                if (c.rttMillis() >= 0) {
                    rttMillis = c.rttMillis();
                }
            }
        }
    }

    private void onPayloadFeedback(RtcpCompoundReader r) {
        switch (r.countOrFormat()) {
            case RtcpHeader.FMT_PLI: {
                Pli pli = Pli.parse(r);
                Consumer c = pli == null ? null : consumersBySsrc.get(pli.mediaSsrc());
                if (c != null) c.onKeyFrameRequest(pli.mediaSsrc());
                break;
            }
            case RtcpHeader.FMT_FIR: {
                Fir fir = Fir.parse(r);
                Consumer c = fir == null ? null : consumersBySsrc.get(fir.targetSsrc());
                if (c != null) c.onKeyFrameRequest(fir.targetSsrc());
                break;
            }
            case RtcpHeader.FMT_AFB: {
                Remb remb = Remb.parse(r);
                if (remb != null) availableIncomingBitrateBps = remb.bitrateBps();
                break;
            }
            default:
                break;
        }
    }

    private void onTransportFeedback(RtcpCompoundReader r, long now) {
        if (GenericNack.is(r)) {
            long mediaSsrc = GenericNack.mediaSsrc(r);
            Consumer c = consumersBySsrc.get(mediaSsrc);
            if (c != null) {
                int n = GenericNack.lostSequenceNumbers(r, seqScratch);
                c.onNack(mediaSsrc, seqScratch, n, now);
            }
        } else if (TransportCcFeedback.parse(r) != null) {
            transportCcFeedbacks++;
        }
    }

}
