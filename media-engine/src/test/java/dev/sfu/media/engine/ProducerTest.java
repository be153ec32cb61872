package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.rtcp.RtcpHeader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sfu.media.engine.EngineFixtures.VP8_START_SEQ;
import static dev.sfu.media.engine.EngineFixtures.VP8_TS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerTest extends RouterFixture {
    @Test
    void describesItself() {
        Producer p = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        assertEquals("cam", p.id());
        assertEquals(MediaKind.VIDEO, p.kind());
        assertEquals("simple", p.type());
        assertEquals(EngineFixtures.vp8Parameters(), p.rtpParameters());
        long mapped = p.consumableRtpParameters().encodings().get(0).ssrc();
        assertTrue(mapped != EngineFixtures.VP8_SSRC, "consumers see the router's SSRC, not the sender's");
        assertEquals(List.of(p), List.copyOf(sender.producers()));
        assertEquals(p, router.producer("cam").orElseThrow());
    }

    @Test
    void pausedProducersKeepCountingButForwardNothing() {
        Producer p = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        RecordingTransport rx = new RecordingTransport("rx", router, T0);
        rx.consume("c", p, caps, false, listeners);
        p.pause();
        assertTrue(p.paused());
        sender.injectRtp(EngineFixtures.opus(1, 960));
        assertEquals(0, rx.sentRtp.size());
        assertEquals(1, p.stats().streams().get(0).packets());
        assertTrue(p.stats().paused());
    }

    @Test
    void requestKeyFrameIsRateLimitedPerStream() {
        Producer p = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        p.requestKeyFrame();
        p.requestKeyFrame();
        assertEquals(1, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size());
        sender.advance(ProducerStream.KEY_FRAME_REQUEST_INTERVAL_MILLIS);
        p.requestKeyFrame();
        assertEquals(2, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size());
        assertEquals(2, p.stats().streams().get(0).keyFrameRequests());
    }

    @Test
    void audioProducersAreNeverAskedForKeyFrames() {
        Producer p = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        p.requestKeyFrame();
        assertEquals(0, sender.sentRtcp.size());
    }

    @Test
    void closeClosesItsConsumersWithReasonProducerClosed() {
        Producer p = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = new RecordingTransport("rx", router, T0);
        Consumer c1 = rx.consume("c1", p, caps, false, listeners);
        Consumer c2 = rx.consume("c2", p, caps, false, listeners);
        p.close();
        assertTrue(c1.closed() && c2.closed());
        assertEquals(List.of("consumer closed c1: producer closed", "consumer closed c2: producer closed"),
                listeners.events, "closing it yourself is not an event for the producer's listener");
        assertTrue(router.producer("cam").isEmpty());
        assertEquals(0, sender.producers().size());
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        assertEquals(1, sender.stats().droppedUnknownSsrc(), "its SSRC is forgotten");
        p.close();
        assertEquals(2, listeners.events.size(), "closing twice is harmless");
    }
}
