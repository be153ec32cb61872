package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtcpReporterTest {

    @Test
    void splitsReceiverReportsIntoPacketsOfAtMost31Blocks() {
        Router router = new Router("room", EngineFixtures.routerCaps());
        RecordingTransport t = new RecordingTransport("t", router, 0);
        List<Producer> producers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            RtpParameters p = TransportTest.withSsrc(EngineFixtures.opusParameters(), 1000 + i);
            producers.add(t.produce("p" + i, MediaKind.AUDIO, p, new RecordingListeners()));
            t.injectRtp(EngineFixtures.packet("opus-audio-level-mid.hex", 1, 960, 1000 + i));
        }
        List<PacketBuffer> sent = new ArrayList<>();
        new RtcpReporter(77, p -> sent.add(PacketBuffer.wrap(p.toByteArray(), 0, p.getLength())))
                .sendReceiverReports(producers, 1000);
        assertEquals(2, sent.size());
        int blocks = 0;
        for (PacketBuffer p : sent) {
            RtcpCompoundReader r = new RtcpCompoundReader().reset(p);
            assertTrue(r.next());
            ReceiverReport rr = ReceiverReport.parse(r);
            assertEquals(77, rr.senderSsrc());
            blocks += rr.reports().size();
        }
        assertEquals(40, blocks);
    }

    @Test
    void staysQuietAboutStreamsThatSentNothing() {
        Router router = new Router("room", EngineFixtures.routerCaps());
        RecordingTransport t = new RecordingTransport("t", router, 0);
        Producer p = t.produce("p", MediaKind.AUDIO, EngineFixtures.opusParameters(), new RecordingListeners());
        Consumer c = t.consume("c", p, router.rtpCapabilities(), false, new RecordingListeners());
        List<PacketBuffer> sent = new ArrayList<>();
        RtcpReporter reporter = new RtcpReporter(77, sent::add);
        reporter.sendReceiverReports(List.of(p), 0);
        reporter.sendSenderReports(List.of(c), 0);
        assertEquals(0, sent.size());
    }
}
