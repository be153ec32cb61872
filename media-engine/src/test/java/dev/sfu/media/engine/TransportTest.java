package dev.sfu.media.engine;

import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.OrtcException;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.GenericNack;
import dev.sfu.media.rtcp.Pli;
import dev.sfu.media.rtcp.ReceiverReport;
import dev.sfu.media.rtcp.ReportBlock;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import dev.sfu.media.rtcp.RtcpHeader;
import dev.sfu.media.rtcp.SenderReport;
import dev.sfu.media.rtcp.SourceDescription;
import dev.sfu.media.rtp.NtpTime;
import dev.sfu.media.rtp.RtpPacket;
import dev.sfu.media.testing.PacketFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.sfu.media.engine.EngineFixtures.OPUS_SSRC;
import static dev.sfu.media.engine.EngineFixtures.VP8_RTX_SSRC;
import static dev.sfu.media.engine.EngineFixtures.VP8_SSRC;
import static dev.sfu.media.engine.EngineFixtures.VP8_START_SEQ;
import static dev.sfu.media.engine.EngineFixtures.VP8_TS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportTest extends RouterFixture {
    @Test
    void fansOneOpusPacketOutToEveryConsumerRewrittenForEach() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        List<RecordingTransport> receivers = new ArrayList<>();
        List<Consumer> consumers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordingTransport t = receiver("r" + i);
            receivers.add(t);
            consumers.add(t.consume("c" + i, producer, caps, false, listeners));
        }
        byte[] in = EngineFixtures.opus(0x1a2b, 123456);
        sender.injectRtp(in);

        RtpPacket original = EngineFixtures.parse(in);
        byte[] payload = Arrays.copyOfRange(in, original.payloadOffset(), in.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, receivers.get(i).sentRtp.size());
            byte[] outBytes = receivers.get(i).sentRtp.get(0);
            RtpPacket out = EngineFixtures.parse(outBytes);
            RtpCodecParameters codec = consumers.get(i).rtpParameters().codecs().get(0);
            assertEquals(consumers.get(i).rtpParameters().encodings().get(0).ssrc(), out.ssrc());
            assertEquals(codec.payloadType(), out.payloadType());
            assertEquals(0x1a2b, out.sequenceNumber());
            assertEquals(123456, out.timestamp());
            assertEquals("0", consumers.get(i).rtpParameters().mid(), "first consumer of its transport");
            assertEquals(consumers.get(i).rtpParameters().mid(), out.extensionString(4), "the consumer's own mid");
            assertEquals(0xa5, out.buffer().getUnsignedByte(out.extensionValueOffset(1)), "audio level kept");
            assertArrayEquals(payload, Arrays.copyOfRange(outBytes, out.payloadOffset(), outBytes.length));
        }
        assertEquals(1, producer.stats().streams().get(0).packets());
        assertEquals(1, consumers.get(0).stats().stream().packets());
        assertEquals(1, sender.stats().rtpPacketsReceived());
        assertEquals(1, receivers.get(0).stats().rtpPacketsSent());
    }

    @Test
    void mapsVideoPayloadTypeAndHeaderExtensionIdsToTheRouters() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        RtpPacket out = EngineFixtures.parse(rx.sentRtp.get(0));
        assertEquals(consumer.rtpParameters().codecs().get(0).payloadType(), out.payloadType());
        assertEquals("0", out.extensionString(4), "Chrome's mid id 9 became the router's 4, with the consumer's mid");
        assertEquals(3, out.extensionValueLength(2), "abs-send-time");
        assertEquals(0x009b, out.buffer().getUnsignedShort(out.extensionValueOffset(3)), "transport-cc 4 -> 3");
        assertEquals(-1, out.extensionValueOffset(9));
    }

    @Test
    void consumersOfOneTransportGetSuccessiveMidsStampedOnTheirPackets() {
        Producer mic = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        Producer cam = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        assertEquals("0", rx.consume("a", mic, caps, false, listeners).rtpParameters().mid());
        assertEquals("1", rx.consume("v", cam, caps, false, listeners).rtpParameters().mid());
        for (int i = 0; i < 10; i++) rx.consume("x" + i, mic, caps, true, listeners);
        sender.injectRtp(EngineFixtures.opus(1, 960));
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        assertEquals("0", EngineFixtures.parse(rx.sentRtp.get(0)).extensionString(4));
        assertEquals("1", EngineFixtures.parse(rx.sentRtp.get(1)).extensionString(4), "Chrome sent mid \"1\" too");
        Consumer eleventh = rx.consume("late", mic, caps, false, listeners);
        assertEquals("12", eleventh.rtpParameters().mid());
        sender.injectRtp(EngineFixtures.opus(2, 1920));
        RtpPacket longer = EngineFixtures.parse(rx.sentRtp.get(rx.sentRtp.size() - 1));
        assertEquals("12", longer.extensionString(4), "a longer MID grows the extension block");
        assertEquals(0xa5, longer.buffer().getUnsignedByte(longer.extensionValueOffset(1)));
    }

    @Test
    void videoConsumersStartOnAKeyFrame() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        rx.consume("c", producer, caps, false, listeners);
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ, VP8_TS));
        assertEquals(0, rx.sentRtp.size());
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ + 1, VP8_TS + 3000));
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 2, VP8_TS + 3000));
        assertEquals(2, rx.sentRtp.size());
    }

    @Test
    void aNewConsumerTriggersAPliWithTheProducersSsrc() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        receiver("rx").consume("c", producer, caps, false, listeners);
        List<PacketBuffer> plis = sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI);
        assertEquals(1, plis.size());
        assertEquals(VP8_SSRC, plis.get(0).getUnsignedInt(8));
    }

    @Test
    void pliFromAConsumerReachesTheProducerRateLimited() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, true, listeners);   // paused: no PLI yet
        assertEquals(0, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size());
        byte[] pli = pliBytes(consumer.rtpParameters().encodings().get(0).ssrc());

        rx.injectRtcp(pli);
        assertEquals(1, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size());
        sender.advance(100);
        rx.injectRtcp(pli);
        rx.injectRtcp(pli);
        assertEquals(1, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size(), "held back");
        sender.advance(400);
        sender.tick();
        List<PacketBuffer> plis = sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI);
        assertEquals(2, plis.size(), "the held request goes out once the 500 ms have passed");
        RtcpCompoundReader r = new RtcpCompoundReader().reset(plis.get(1));
        r.next();
        assertEquals(VP8_SSRC, Pli.parse(r).mediaSsrc());
        sender.advance(1000);
        sender.tick();
        assertEquals(2, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size(), "nothing pending");
        assertEquals(3, consumer.stats().stream().keyFrameRequests());
    }

    @Test
    void firFromAConsumerAlsoReachesTheProducer() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, true, listeners);
        PacketBuffer fir = new PacketBuffer();
        fir.setLength(0);
        new dev.sfu.media.rtcp.Fir(1, consumer.rtpParameters().encodings().get(0).ssrc(), 1).writeTo(fir, 0);
        rx.injectRtcp(fir.toByteArray());
        assertEquals(1, sender.sentRtcpOfType(RtcpHeader.PT_PSFB, RtcpHeader.FMT_PLI).size());
    }

    @Test
    void nackFromAConsumerIsAnsweredWithRtxFromTheCache() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        assertTrue(consumer.rtpParameters().encodings().get(0).rtx() != null, "device negotiated RTX");
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 1, VP8_TS + 3000));
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 2, VP8_TS + 6000));
        byte[] lostOnTheWay = rx.sentRtp.get(1);
        long consumerSsrc = consumer.rtpParameters().encodings().get(0).ssrc();
        long rtxSsrc = consumer.rtpParameters().encodings().get(0).rtx().ssrc();

        rx.injectRtcp(nackBytes(consumerSsrc, EngineFixtures.parse(lostOnTheWay).sequenceNumber()));
        assertEquals(4, rx.sentRtp.size());
        RtpPacket rtx = EngineFixtures.parse(rx.sentRtp.get(3));
        assertEquals(rtxSsrc, rtx.ssrc());
        int rtxPt = rtxPayloadType(consumer);
        assertEquals(rtxPt, rtx.payloadType());
        assertEquals(EngineFixtures.parse(lostOnTheWay).sequenceNumber(), rtx.buffer().getUnsignedShort(rtx.payloadOffset()));
        byte[] inner = Arrays.copyOfRange(rx.sentRtp.get(3), rtx.payloadOffset() + 2, rx.sentRtp.get(3).length);
        RtpPacket lost = EngineFixtures.parse(lostOnTheWay);
        assertArrayEquals(Arrays.copyOfRange(lostOnTheWay, lost.payloadOffset(), lostOnTheWay.length), inner);
        assertEquals(1, consumer.stats().stream().retransmissions());
    }

    @Test
    void nackFromAConsumerWithoutRtxIsAnsweredWithThePlainPacket() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, EngineFixtures.capsWithoutRtx(caps), false, listeners);
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 1, VP8_TS + 3000));
        byte[] first = rx.sentRtp.get(0);
        rx.injectRtcp(nackBytes(consumer.rtpParameters().encodings().get(0).ssrc(),
                EngineFixtures.parse(first).sequenceNumber()));
        assertEquals(3, rx.sentRtp.size());
        assertArrayEquals(first, rx.sentRtp.get(2), "identical to what was first sent");
        rx.injectRtcp(nackBytes(consumer.rtpParameters().encodings().get(0).ssrc(), 1234));
        assertEquals(3, rx.sentRtp.size(), "not in the cache: nothing to send");
    }

    @Test
    void theEngineNacksTheProducersLossesAndAcceptsRtxRepairs() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        RecordingTransport rx = receiver("rx");
        rx.consume("c", producer, caps, false, listeners);
        sender.sentRtcp.clear();
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 3, VP8_TS + 3000));
        List<PacketBuffer> nacks = sender.sentRtcpOfType(RtcpHeader.PT_RTPFB, RtcpHeader.FMT_NACK);
        assertEquals(1, nacks.size());
        RtcpCompoundReader r = new RtcpCompoundReader().reset(nacks.get(0));
        r.next();
        assertEquals(VP8_SSRC, GenericNack.mediaSsrc(r));
        int[] seqs = new int[8];
        assertArrayEquals(new int[] {VP8_START_SEQ + 1, VP8_START_SEQ + 2},
                Arrays.copyOf(seqs, GenericNack.lostSequenceNumbers(r, seqs)));

        // Chrome answers with RTX for seq+1: it is unwrapped and forwarded as the original
        byte[] original = EngineFixtures.vp8(false, VP8_START_SEQ + 1, VP8_TS + 3000);
        PacketBuffer rtx = new PacketBuffer();
        dev.sfu.media.rtp.Rtx.encapsulate(EngineFixtures.parse(original), rtx, VP8_RTX_SSRC, 97, 1);
        sender.injectRtp(rtx.toByteArray());
        assertEquals(3, rx.sentRtp.size());
        assertEquals(VP8_START_SEQ + 1, EngineFixtures.parse(rx.sentRtp.get(2)).sequenceNumber());

        sender.advance(200);
        sender.tick();
        nacks = sender.sentRtcpOfType(RtcpHeader.PT_RTPFB, RtcpHeader.FMT_NACK);
        assertEquals(2, nacks.size(), "a retry for the one still missing");
        r = new RtcpCompoundReader().reset(nacks.get(1));
        r.next();
        assertArrayEquals(new int[] {VP8_START_SEQ + 2}, Arrays.copyOf(seqs, GenericNack.lostSequenceNumbers(r, seqs)));
        assertEquals(1, producer.stats().streams().get(0).retransmissions());
    }

    @Test
    void rtxPaddingProbesAreDropped() {
        sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        byte[] probe = new byte[12 + 100];
        probe[0] = (byte) 0xA0;
        probe[1] = 97;
        PacketBuffer.wrap(probe, 0, probe.length).setInt(8, VP8_RTX_SSRC);
        probe[probe.length - 1] = 100;
        sender.injectRtp(probe);
        assertEquals(1, sender.stats().droppedRtxPadding());
    }

    @Test
    void learnsSimulcastSsrcsFromMidAndRid() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8SimulcastParameters(), listeners);
        assertEquals("simulcast", producer.type());
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        assertEquals("simulcast", consumer.type());
        sender.injectRtp(EngineFixtures.simulcastVp8("r0", 1000, 10, 0, true));
        sender.injectRtp(EngineFixtures.simulcastVp8("r2", 3000, 30, 0, true));
        assertEquals(1000, producer.stats().streams().get(0).ssrc());
        assertEquals(3000, producer.stats().streams().get(2).ssrc());
        // later packets carry no MID/RID: routed by the learned SSRC
        sender.injectRtp(EngineFixtures.packet("vp8-delta-abs-send-time-tcc.hex", 31, 3000, 3000));
        assertEquals(2, producer.stats().streams().get(2).packets());
        assertEquals(0, sender.stats().droppedUnknownSsrc());
    }

    @Test
    void dropsGarbageAndUnknownStreamsWithoutThrowing() {
        sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        sender.injectRtp(new byte[] {(byte) 0x80, 0x6f, 0});
        sender.injectRtp(EngineFixtures.packet("opus-audio-level-mid.hex", 1, 1, 0x1111));
        byte[] badPt = EngineFixtures.opus(2, 2);
        badPt[1] = 0x70;
        sender.injectRtp(badPt);
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            if (b.length > 0) b[0] = (byte) (0x80 | (b[0] & 0x3F));
            sender.injectRtp(b);
            sender.injectRtcp(b);
        }
        TransportStats stats = sender.stats();
        assertTrue(stats.droppedMalformedRtp() >= 1);
        assertTrue(stats.droppedUnknownSsrc() >= 1);
        assertEquals(1, stats.droppedUnknownPayloadType());
        assertTrue(stats.droppedMalformedRtcp() > 0);
    }

    @Test
    void sendsSenderReportsToConsumersAndReceiverReportsToProducers() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        sender.injectRtp(EngineFixtures.opus(100, 48_000));
        sender.injectRtcp(PacketFixtures.bytes("chrome-sr-sdes.hex").clone());   // SR of another ssrc: ignored
        long producerSrNtp = NtpTime.fromUnixMillis(T0 - 5000);
        PacketBuffer sr = new PacketBuffer();
        sr.setLength(0);
        new SenderReport(OPUS_SSRC, producerSrNtp, 48_000, 1, 100, List.of()).writeTo(sr, 0);
        sender.injectRtcp(sr.toByteArray());
        sender.injectRtp(EngineFixtures.opus(101, 48_960));
        sender.injectRtp(EngineFixtures.opus(103, 50_880));        // 102 lost

        sender.advance(250);
        rx.advance(250);
        sender.tick();
        rx.tick();

        List<PacketBuffer> rrs = sender.sentRtcpOfType(RtcpHeader.PT_RR, -1);
        assertEquals(1, rrs.size());
        RtcpCompoundReader r = new RtcpCompoundReader().reset(rrs.get(0));
        r.next();
        ReportBlock block = ReceiverReport.parse(r).reports().get(0);
        assertEquals(OPUS_SSRC, block.ssrc());
        assertEquals(1, block.cumulativeLost());
        assertEquals(103, block.extendedHighestSeq());
        assertEquals(NtpTime.middle32(producerSrNtp), block.lastSr());
        assertEquals(250L * 65536 / 1000, block.delaySinceLastSr());

        List<PacketBuffer> srs = rx.sentRtcpOfType(RtcpHeader.PT_SR, -1);
        assertEquals(1, srs.size());
        r = new RtcpCompoundReader().reset(srs.get(0));
        r.next();
        SenderReport out = SenderReport.parse(r);
        assertEquals(consumer.rtpParameters().encodings().get(0).ssrc(), out.senderSsrc());
        assertEquals(NtpTime.fromUnixMillis(T0 + 250), out.ntpTimestamp(), "our wall clock");
        assertEquals(48_000 + 250 * 48, out.rtpTimestamp(), "from the producer's SR mapping");
        assertEquals(3, out.packetCount());
        List<PacketBuffer> sdes = rx.sentRtcpOfType(RtcpHeader.PT_SDES, -1);
        r = new RtcpCompoundReader().reset(sdes.get(0));
        r.next();
        assertEquals(consumer.rtpParameters().rtcp().cname(), SourceDescription.parse(r).chunks().get(0).cname());

        // the client's RR about our SR gives the consumer's RTT
        long lsr = NtpTime.middle32(out.ntpTimestamp());
        rx.advance(100);
        PacketBuffer rr = new PacketBuffer();
        rr.setLength(0);
        new ReceiverReport(1, List.of(new ReportBlock(out.senderSsrc(), 0, 0, 3, 0, lsr, 60L * 65536 / 1000)))
                .writeTo(rr, 0);
        rx.injectRtcp(rr.toByteArray());
        assertEquals(40, consumer.stats().stream().rttMillis(), 1);
        assertEquals(40, rx.stats().rttMillis(), 1);
    }

    @Test
    void feedsTransportWideCcBackToTheSender() {
        sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        sender.injectRtp(EngineFixtures.vp8(true, VP8_START_SEQ, VP8_TS));           // transport seq 155 (id 4)
        sender.advance(5);
        sender.injectRtp(EngineFixtures.vp8(false, VP8_START_SEQ + 1, VP8_TS));      // transport seq 156
        sender.tick();
        List<PacketBuffer> feedback = sender.sentRtcpOfType(RtcpHeader.PT_RTPFB, RtcpHeader.FMT_TRANSPORT_CC);
        assertEquals(1, feedback.size());
        RtcpCompoundReader r = new RtcpCompoundReader().reset(feedback.get(0));
        r.next();
        dev.sfu.media.rtcp.TransportCcFeedback fb = dev.sfu.media.rtcp.TransportCcFeedback.parse(r);
        assertEquals(155, fb.baseSequenceNumber());
        assertEquals(2, fb.packetStatusCount());
        assertEquals(VP8_SSRC, fb.mediaSsrc());
        sender.advance(50);
        sender.tick();
        assertEquals(1, sender.sentRtcpOfType(RtcpHeader.PT_RTPFB, RtcpHeader.FMT_TRANSPORT_CC).size(), "nothing new");
    }

    @Test
    void rembIsRecordedAndTransportCcCounted() {
        sender.injectRtcp(PacketFixtures.bytes("remb.hex"));
        sender.injectRtcp(PacketFixtures.bytes("transport-cc.hex"));
        assertEquals(1_280_000, sender.stats().availableIncomingBitrateBps());
        assertEquals(1, sender.stats().transportCcFeedbacksReceived());
        assertEquals(0, sender.stats().droppedMalformedRtcp());
    }

    @Test
    void nothingIsSentWhileDisconnected() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        RecordingTransport rx = receiver("rx");
        rx.connected = false;
        rx.consume("c", producer, caps, false, listeners);
        sender.injectRtp(EngineFixtures.opus(1, 1));
        assertEquals(0, rx.sentRtp.size());
    }

    @Test
    void rejectsBadParametersAndDuplicateIds() {
        assertThrows(OrtcException.class, () -> sender.produce("x", MediaKind.AUDIO,
                new dev.sfu.media.ortc.RtpParameters("0", List.of(), List.of(), List.of(), null), listeners));
        sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        RecordingTransport other = receiver("other");
        assertThrows(IllegalArgumentException.class,
                () -> other.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners));
        assertThrows(IllegalArgumentException.class, () -> receiver("sender"));
    }

    @Test
    void closingATransportClosesItsProducersAndTheirConsumers() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        RecordingTransport rx = receiver("rx");
        Consumer consumer = rx.consume("c", producer, caps, false, listeners);
        Producer back = rx.produce("mic2", MediaKind.AUDIO, withSsrc(EngineFixtures.opusParameters(), 77), listeners);
        Consumer ownConsumer = sender.consume("c2", back, caps, false, listeners);
        sender.close();
        assertTrue(producer.closed());
        assertTrue(consumer.closed());
        assertTrue(ownConsumer.closed());
        assertTrue(listeners.events.contains("producer closed mic"));
        assertTrue(listeners.events.contains("consumer closed c: producer closed"));
        assertTrue(listeners.events.contains("consumer closed c2: transport closed"));
        assertEquals(0, rx.consumers().size());
        assertTrue(router.producer("mic").isEmpty());
        assertEquals(List.of(rx), new ArrayList<>(router.transports()));
        sender.injectRtp(EngineFixtures.opus(1, 1));          // ignored after close
    }

    @Test
    void aFanOutReadsTheClockOnceWhateverTheNumberOfConsumers() {
        Producer producer = sender.produce("mic", MediaKind.AUDIO, EngineFixtures.opusParameters(), listeners);
        List<RecordingTransport> receivers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RecordingTransport t = receiver("r" + i);
            t.consume("c" + i, producer, caps, false, listeners);
            receivers.add(t);
        }
        sender.injectRtp(EngineFixtures.opus(1, 960));    // first packet: stream set-up may look at the clock
        receivers.forEach(r -> r.clockReads = 0);
        sender.clockReads = 0;
        sender.advance(20);
        sender.injectRtp(EngineFixtures.opus(2, 1920));

        assertEquals(1, sender.clockReads, "one reading on the publisher's transport");
        for (RecordingTransport r : receivers) {
            assertEquals(2, r.sentRtp.size());
            assertEquals(0, r.clockReads, "the consumers' transports take the fan-out's time");
            assertEquals(2, r.stats().rtpPacketsSent());
        }
    }

    @Test
    void forwardingToManyConsumersAllocatesNothingPerPacket() {
        Producer producer = sender.produce("cam", MediaKind.VIDEO, EngineFixtures.vp8Parameters(), listeners);
        List<RecordingTransport> receivers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RecordingTransport t = receiver("r" + i);
            t.record = false;
            t.consume("c" + i, producer, caps, false, listeners);
            receivers.add(t);
        }
        byte[] key = EngineFixtures.vp8(true, 0, 0);
        byte[] delta = EngineFixtures.vp8(false, 0, 0);
        PacketBuffer in = new PacketBuffer();
        RtpPacket view = new RtpPacket();
        Runnable sendSome = () -> {
            for (int i = 0; i < 2000; i++) {
                byte[] src = i == 0 ? key : delta;
                in.copyFrom(src, 0, src.length);
                view.wrap(in);
                view.setSequenceNumber(seqCounter & 0xFFFF);
                view.setTimestamp(seqCounter * 3000L);
                seqCounter++;
                sender.receiveRtpForTest(in);
            }
        };
        sendSome.run();                                   // warm up: caches filled, classes loaded
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        sendSome.run();
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 2000 * 8, "allocated " + allocated + " bytes for 2000 packets x 4 consumers");
        assertEquals(2 * 2000, receivers.get(3).sentCount);
    }

    private int seqCounter = 1;

    // --- helpers

    static dev.sfu.media.ortc.RtpParameters withSsrc(dev.sfu.media.ortc.RtpParameters p, long ssrc) {
        return new dev.sfu.media.ortc.RtpParameters(p.mid(), p.codecs(), p.headerExtensions(),
                List.of(new dev.sfu.media.ortc.RtpEncodingParameters(ssrc, null, null, null, null, null, null)),
                p.rtcp());
    }

    static byte[] pliBytes(long mediaSsrc) {
        PacketBuffer b = new PacketBuffer();
        b.setLength(0);
        new Pli(1, mediaSsrc).writeTo(b, 0);
        return b.toByteArray();
    }

    static byte[] nackBytes(long mediaSsrc, int seq) {
        PacketBuffer b = new PacketBuffer();
        b.setLength(0);
        GenericNack.write(b, 0, 1, mediaSsrc, new int[] {seq}, 1);
        return b.toByteArray();
    }

    private static int rtxPayloadType(Consumer c) {
        for (RtpCodecParameters codec : c.rtpParameters().codecs()) {
            if (codec.mimeType().toLowerCase().endsWith("/rtx")) return codec.payloadType();
        }
        return -1;
    }
}
