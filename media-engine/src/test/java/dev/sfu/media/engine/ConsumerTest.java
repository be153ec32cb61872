package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.rtcp.RtcpHeader;
import dev.sfu.media.rtp.RtpPacket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sfu.media.engine.EngineFixtures.VP8_START_SEQ;
import static dev.sfu.media.engine.EngineFixtures.VP8_TS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerTest {
    private static final long T0 = 1_700_000_000_000L;

    private final RecordingListeners listeners = new RecordingListeners();
    private RtpCapabilities caps;
    private RecordingTransport sender;
    private RecordingTransport rx;

    @BeforeEach
    void setUp() {
        caps = EngineFixtures.routerCaps();
        Router router = new Router("room", caps);
        sender = new RecordingTransport("sender", router, T0);
        rx = new RecordingTransport("rx", router, T0);
    }

    private void advance(long millis) {
        sender.advance(millis);
        rx.advance(millis);
    }

    private RtpPacket lastSent() {
        return EngineFixtures.parse(rx.sentRtp.get(rx.sentRtp.size() - 1));
    }

    @Test
    void audioContinuesAcrossPauseAndResumeWithoutASequenceHole() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        int seq = 100;
        long ts = 10_000;
        for (; seq < 103; seq++, ts += 960) {
            sender.injectRtp(EngineFixtures.opus(seq, ts));
            advance(20);
        }
        RtpPacket last = lastSent();
        int lastSeq = last.sequenceNumber();
        long lastTs = last.timestamp();
        consumer.pause();
        assertTrue(consumer.paused());
        for (; seq < 150; seq++, ts += 960) {
            sender.injectRtp(EngineFixtures.opus(seq, ts));
            advance(20);
        }
        assertEquals(3, rx.sentRtp.size(), "nothing forwarded while paused");
        consumer.resume();
        sender.injectRtp(EngineFixtures.opus(seq, ts));
        RtpPacket resumed = lastSent();
        assertEquals(lastSeq + 1, resumed.sequenceNumber());
        long gapMillis = 48 * 20L;                      // the wall clock moved 48 x 20 ms since the last one sent
        assertEquals(lastTs + gapMillis * 48, resumed.timestamp());
        sender.injectRtp(EngineFixtures.opus(seq + 1, ts + 960));
        assertEquals(lastSeq + 2, lastSent().sequenceNumber());
        assertEquals(lastTs + gapMillis * 48 + 960, lastSent().timestamp());
    }

    @Test
    void videoResumesOnAKeyFrameAndAsksForOne() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        int lastSeq = lastSent().sequenceNumber();
        consumer.pause();
        advance(1000);
        int plisBefore = sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size();
        consumer.resume();
        assertEquals(plisBefore + 1, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size());
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 40, VP8_TS + 90_000));
        assertEquals(1, rx.sentRtp.size(), "a delta frame cannot start the stream again");
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ + 41, VP8_TS + 90_000));
        assertEquals(lastSeq + 1, lastSent().sequenceNumber());
        assertEquals(VP8_TS + 1000 * 90, lastSent().timestamp());
    }

    @Test
    void keepsAskingForAKeyFrameWhileWaitingForOne() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        rx.consume("c", producer, caps, false, listeners);
        assertEquals(1, plis());
        advance(500);
        rx.tick();
        assertEquals(1, plis(), "not before a second has passed");
        advance(500);
        rx.tick();
        assertEquals(2, plis(), "the first request may have been lost");
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        advance(5000);
        rx.tick();
        assertEquals(2, plis(), "flowing: no more requests");
    }

    private int plis() {
        return sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size();
    }

    @Test
    void producerPauseIsReportedAndStopsTheFlow() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        producer.pause();
        assertTrue(consumer.producerPaused());
        sender.injectRtp(EngineFixtures.opus(1, 960));
        assertEquals(0, rx.sentRtp.size());
        producer.resume();
        assertFalse(consumer.producerPaused());
        sender.injectRtp(EngineFixtures.opus(2, 1920));
        assertEquals(1, rx.sentRtp.size());
        assertEquals(List.of("producer paused c", "producer resumed c"), listeners.events);
    }

    @Test
    void aSimulcastConsumerForwardsOneLayerAndSwitchesOnlyOnKeyFrames() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8SimulcastParameters(), listeners);
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        long consumerSsrc = consumer.rtpParameters().encodings().get(0).ssrc();
        // only r0 and r1 are being sent
        sender.injectRtp(EngineFixtures.simulcastVp8("r0", 1000, 10, 0, true));
        sender.injectRtp(EngineFixtures.simulcastVp8("r1", 2000, 500, 0, true));
        assertEquals(0, rx.sentRtp.size(), "the highest layer r2 is wanted until a tick sees it inactive");
        rx.tick();
        assertEquals(-1, consumer.stats().layer(), "nothing forwarded yet");
        sender.injectRtp(EngineFixtures.packet("vp8-delta-abs-send-time-tcc.hex", 501, 3000, 2000));
        assertEquals(0, rx.sentRtp.size(), "switching waits for a key frame");
        sender.injectRtp(EngineFixtures.packet("vp8-keyframe-abs-send-time-tcc.hex", 502, 6000, 2000));
        assertEquals(1, rx.sentRtp.size());
        assertEquals(1, consumer.stats().layer());
        assertEquals(consumerSsrc, lastSent().ssrc());
        int seqOnR1 = lastSent().sequenceNumber();
        long tsOnR1 = lastSent().timestamp();
        sender.injectRtp(EngineFixtures.packet("vp8-delta-abs-send-time-tcc.hex", 11, 3000, 1000));
        assertEquals(1, rx.sentRtp.size(), "other layers are not forwarded");

        // r2 starts: requested and switched to on its first key frame, continuing seq and ts
        advance(100);
        sender.injectRtp(EngineFixtures.simulcastVp8("r2", 3000, 9000, 777_000, false));
        rx.tick();
        assertEquals(1, consumer.stats().layer());
        assertEquals(2, consumer.targetStream());
        sender.injectRtp(EngineFixtures.packet("vp8-delta-abs-send-time-tcc.hex", 503, 9000, 2000));
        assertEquals(2, rx.sentRtp.size(), "still on r1 until r2 has a key frame");
        advance(33);
        sender.injectRtp(EngineFixtures.packet("vp8-keyframe-abs-send-time-tcc.hex", 9001, 780_000, 3000));
        assertEquals(3, rx.sentRtp.size());
        assertEquals(2, consumer.stats().layer());
        assertEquals(seqOnR1 + 2, lastSent().sequenceNumber());
        assertEquals(consumerSsrc, lastSent().ssrc());
        assertTrue(lastSent().timestamp() > tsOnR1);
    }

    @Test
    void aPipeConsumerForwardsEveryLayerOnItsOwnSsrc() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8SimulcastParameters(), listeners);
        Consumer pipe = rx.consumePipe("p", producer, true, listeners);
        assertEquals("pipe", pipe.type());
        assertEquals(3, pipe.rtpParameters().encodings().size());
        sender.injectRtp(EngineFixtures.simulcastVp8("r0", 1000, 10, 0, false));     // no key frame needed
        sender.injectRtp(EngineFixtures.simulcastVp8("r2", 3000, 30, 0, false));
        assertEquals(2, rx.sentRtp.size());
        RtpPacket r0 = EngineFixtures.parse(rx.sentRtp.get(0));
        RtpPacket r2 = EngineFixtures.parse(rx.sentRtp.get(1));
        assertEquals(pipe.rtpParameters().encodings().get(0).ssrc(), r0.ssrc());
        assertEquals(pipe.rtpParameters().encodings().get(2).ssrc(), r2.ssrc());
        assertEquals(10, r0.sequenceNumber());
        assertEquals(30, r2.sequenceNumber());
        assertEquals(-1, r2.extensionValueOffset(4), "no MID on a pipe");
        assertEquals(3, pipe.stats().streams().size());
        assertEquals(1, pipe.stats().streams().get(2).packets());

        // the far side lost r2's packet: answered as RTX on r2's RTX SSRC
        long r2Ssrc = pipe.rtpParameters().encodings().get(2).ssrc();
        rx.injectRtcp(TransportTest.nackBytes(r2Ssrc, 30));
        RtpPacket rtx = EngineFixtures.parse(rx.sentRtp.get(2));
        assertEquals(pipe.rtpParameters().encodings().get(2).rtx().ssrc(), rtx.ssrc());
        assertEquals(30, rtx.buffer().getUnsignedShort(rtx.payloadOffset()));

        // and its PLI about r2 reaches the sender as a PLI about r2's SSRC
        advance(1000);
        rx.injectRtcp(TransportTest.pliBytes(r2Ssrc));
        List<dev.sfu.media.packet.PacketBuffer> plis = sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI);
        assertEquals(3000, plis.get(plis.size() - 1).getUnsignedInt(8));
    }

    @Test
    void closeDetachesFromProducerAndTransportQuietly() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        consumer.close();
        assertTrue(consumer.closed());
        assertEquals(0, rx.consumers().size());
        sender.injectRtp(EngineFixtures.opus(1, 960));
        assertEquals(0, rx.sentRtp.size());
        assertEquals(List.of(), listeners.events, "closing it yourself is not an event");
    }

    @Test
    void statsAreAnImmutableSnapshot() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        sender.injectRtp(EngineFixtures.opus(1, 960));
        ConsumerStats before = consumer.stats();
        sender.injectRtp(EngineFixtures.opus(2, 1920));
        assertEquals(1, before.stream().packets());
        assertEquals(2, consumer.stats().stream().packets());
        assertEquals("simple", before.type());
        assertEquals("audio", before.kind());
        assertEquals("mic", before.producerId());
        assertTrue(consumer.stats().stream().bitrateBps() > 0);
    }
}
