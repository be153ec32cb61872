package dev.sfu.media.pipe;

import static dev.sfu.media.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.client.ClientConfig;
import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.OrtcException;
import dev.sfu.media.ortc.RtcpFeedback;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.ortc.RtxParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.rtcp.Pli;
import dev.sfu.media.rtcp.RtcpCompoundReader;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.transport.WebRtcTransport;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real media engines in one JVM on 127.0.0.1 (members A and B), a Java WebRTC client publishing VP8 on A and
 * one watching on B; the stream crosses a PipeTransport pair, directly or through a UDP relay that loses packets
 * or injects garbage.
 */
class PipeTransportTest {
    private static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();
    private static final int PACKETS = 30;

    private MediaEngine engineA;
    private MediaEngine engineB;
    private NioEventLoopGroup clientLoop;
    private ExecutorService clientDtls;
    private UdpRelay relay;
    private final List<WebRtcClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        MediaEngineConfig config = new MediaEngineConfig("127.0.0.1", 0, "127.0.0.1", Duration.ofSeconds(30),
                Duration.ofMillis(20), 2);
        engineA = MediaEngine.start(config);
        engineB = MediaEngine.start(config);
        clientLoop = new NioEventLoopGroup(1);
        clientDtls = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        clients.forEach(WebRtcClient::close);
        if (relay != null) {
            relay.close();
        }
        engineA.close();
        engineB.close();
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        clientDtls.shutdownNow();
    }

    @Test
    void mediaCrossesAnSrtpPipe() throws Exception {
        Room room = pipeRoom("room1", 0x1111_0000L, direct(), PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM));
        assertEverySentPacketArrives(room, 0);
        PipeTransportStats a = on(engineA, room.pipeA::pipeStats);
        PipeTransportStats b = on(engineB, room.pipeB::pipeStats);
        assertTrue(a.srtp() && b.srtp());
        assertTrue(a.rtpPacketsSent() >= PACKETS, a::toString);
        assertTrue(b.rtpPacketsReceived() >= PACKETS, b::toString);
        assertEquals(0, b.droppedAuthFailed(), b::toString);
        assertEquals(0, b.peer().dropped(), b::toString);
    }

    @Test
    void mediaCrossesAPlainPipe() throws Exception {
        Room room = pipeRoom("room1", 0x2222_0000L, direct(), null);
        assertEverySentPacketArrives(room, 0);
        PipeTransportStats b = on(engineB, room.pipeB::pipeStats);
        assertFalse(b.srtp());
        assertTrue(b.rtpPacketsReceived() >= PACKETS, b::toString);
        assertEquals(0, b.peer().dropped(), b::toString);
        // The pipe's Sender Reports reach B, B's Receiver Reports reach A: RTCP is routed both ways.
        await(() -> on(engineA, room.pipeA::pipeStats).rtcpPacketsReceived() > 0
                && on(engineB, room.pipeB::pipeStats).rtcpPacketsReceived() > 0);
    }

    @Test
    void aPliFromTheWatcherReachesThePublisher() throws Exception {
        for (PipeSrtpKeys keys : Arrays.asList(null, PipeSrtpKeys.generate(SrtpProfile.AES128_CM_HMAC_SHA1_80))) {
            String id = keys == null ? "plain" : "srtp";
            long ssrc = keys == null ? 0x3333_0000L : 0x4444_0000L;
            Room room = pipeRoom(id, ssrc, direct(), keys);
            assertEverySentPacketArrives(room, 0);
            long pipeRequestsBefore = on(engineA, () -> room.pipeConsumer.stats().stream().keyFrameRequests());
            int plisBefore = plisFor(room.publisher, ssrc);

            long consumerSsrc = on(engineB, () -> room.consumerB.rtpParameters().encodings().get(0).ssrc());
            PacketBuffer pli = new PacketBuffer();
            pli.setLength(new Pli(0x5EED, consumerSsrc).writeTo(pli, 0));
            room.subscriber.client.sendRtcp(pli.toByteArray());

            await(() -> on(engineA, () -> room.pipeConsumer.stats().stream().keyFrameRequests()) > pipeRequestsBefore
                    && plisFor(room.publisher, ssrc) > plisBefore,
                    () -> id + ": publisher PLIs " + plisFor(room.publisher, ssrc) + " (before " + plisBefore + ")");
        }
    }

    @Test
    void aPacketLostOnThePipeIsRecoveredByNackAndRtx() throws Exception {
        relay = new UdpRelay();
        Room room = pipeRoom("room1", 0x5555_0000L, viaRelay(), PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM));
        long pipeSsrc = on(engineA, () -> room.pipeConsumer.rtpParameters().encodings().get(0).ssrc());
        int lostSeq = 10;
        relay.dropFromA(p -> relay.dropped() == 0 && isRtp(p) && ssrcOf(p) == pipeSsrc && seqOf(p) == lostSeq);

        assertEverySentPacketArrives(room, 0);

        assertEquals(1, relay.dropped());
        var stream = on(engineB, () -> room.pipeProducer.stats().streams().get(0));
        assertTrue(stream.nacks() >= 1, stream::toString);
        assertTrue(stream.retransmissions() >= 1, stream::toString);
        assertTrue(on(engineA, () -> room.pipeConsumer.stats().stream().retransmissions()) >= 1);
    }

    @Test
    void everySimulcastLayerCrossesThePipe() throws Exception {
        long low = 0xBBBB_0000L;
        long high = low + 2;
        RtpParameters simulcast = vp8Parameters(low);
        simulcast = new RtpParameters(simulcast.mid(), simulcast.codecs(), simulcast.headerExtensions(), List.of(
                new RtpEncodingParameters(low, null, null, new RtxParameters(low + 1), null, null, null),
                new RtpEncodingParameters(high, null, null, new RtxParameters(high + 1), null, null, null)),
                simulcast.rtcp());
        Room room = pipeRoom("room1", high, simulcast, direct(), PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM));
        RtpParameters pipeParameters = on(engineA, () -> room.pipeConsumer.rtpParameters());
        assertEquals(2, pipeParameters.encodings().size());
        assertEquals("simulcast", on(engineB, () -> room.pipeProducer.type()));

        for (int seq = 0; seq < PACKETS; seq++) {
            room.publisher.client.sendRtp(vp8Packet(seq, high, seq == 0));
            room.publisher.client.sendRtp(vp8Packet(seq, low, seq == 0));
        }
        awaitAllSeqs(room); // the watcher gets the high layer
        assertPayloads(room, 0);
        await(() -> on(engineB, () -> room.pipeProducer.stats().streams().get(0).packets()) == PACKETS
                && on(engineB, () -> room.pipeProducer.stats().streams().get(1).packets()) == PACKETS,
                () -> String.valueOf(onQuietly(engineB, room.pipeProducer::stats)));
        assertEquals(pipeParameters.encodings().get(0).ssrc(),
                on(engineB, () -> room.pipeProducer.stats().streams().get(0).ssrc()));
    }

    @Test
    void twoRoomsPipedBetweenTheSameMembersDoNotMix() throws Exception {
        Room one = pipeRoom("room1", 0x6666_0000L, direct(), PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM));
        Room two = pipeRoom("room2", 0x7777_0000L, direct(), PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM));
        assertEquals(2, on(engineB, two.pipeB::pipeStats).peer().transports(), "one peer address, two pipes");

        sendVideo(one, 0, PACKETS);
        sendVideo(two, 0, PACKETS);
        awaitAllSeqs(one);
        awaitAllSeqs(two);
        assertPayloads(one, 0);
        assertPayloads(two, 0);
        // Both rooms' RTCP (RR/NACK/PLI from B under unknown sender SSRCs) found its way by SRTCP authentication.
        await(() -> on(engineA, one.pipeA::pipeStats).rtcpPacketsReceived() > 0
                && on(engineA, two.pipeA::pipeStats).rtcpPacketsReceived() > 0);
        assertEquals(0, on(engineA, one.pipeA::pipeStats).peer().dropped());
        assertEquals(0, on(engineB, one.pipeB::pipeStats).peer().dropped());
    }

    @Test
    void garbageFromThePeerAddressIsDroppedAndCounted() throws Exception {
        relay = new UdpRelay();
        Room room = pipeRoom("room1", 0x8888_0000L, viaRelay(), PipeSrtpKeys.generate(SrtpProfile.AEAD_AES_128_GCM));
        sendVideo(room, 0, 10);
        await(() -> room.subscriber.rtp.size() >= 10);
        long pipeSsrc = on(engineA, () -> room.pipeConsumer.rtpParameters().encodings().get(0).ssrc());

        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            byte[] junk = new byte[20 + random.nextInt(200)];
            random.nextBytes(junk);
            junk[0] = (byte) 0x80;
            switch (i % 5) {
                case 0 -> junk[1] = 96;                                       // RTP, unknown SSRC
                case 1 -> { junk[1] = 96; putInt(junk, 8, pipeSsrc); }        // RTP forged on a pipe SSRC
                case 2 -> { junk[1] = (byte) 201; junk[2] = 0; junk[3] = 1; } // RTCP nobody can authenticate
                case 3 -> junk = Arrays.copyOf(junk, 10);                     // too short for RTP
                default -> junk[0] = 22;                                      // DTLS on a pipe
            }
            relay.injectToA(junk);
        }
        await(() -> on(engineA, room.pipeA::pipeStats).peer().dropped() + on(engineA, room.pipeA::pipeStats)
                .droppedAuthFailed() >= 40, () -> String.valueOf(onQuietly(engineA, room.pipeA::pipeStats)));

        PipeTransportStats a = on(engineA, room.pipeA::pipeStats);
        assertEquals(8, a.peer().droppedUnknownSsrc(), a::toString);
        assertEquals(8, a.droppedAuthFailed(), a::toString);
        assertEquals(8, a.peer().droppedUnroutableRtcp(), a::toString);
        assertEquals(8, a.peer().droppedMalformed(), a::toString);
        assertEquals(8, a.peer().droppedNotMedia(), a::toString);
        assertEquals(0, on(engineA, engineA::stats).handlerErrors());

        // The pipe keeps serving.
        sendVideo(room, 10, 10);
        await(() -> distinctSeqs(room) == 20);
    }

    @Test
    void closingThePublishersProducerClosesThePipeAndItsConsumers() throws Exception {
        Room room = pipeRoom("room1", 0x9999_0000L, direct(), null);
        on(engineA, () -> { room.producerA.pause(); room.producerA.resume(); return null; });
        assertTrue(events.containsAll(List.of("A pipe consumer pc-room1 producer paused",
                "A pipe consumer pc-room1 producer resumed")), events::toString);

        on(engineA, () -> { room.producerA.close(); return null; });
        assertTrue(events.contains("A pipe consumer pc-room1 closed: producer closed"), events::toString);
        assertTrue(on(engineA, () -> room.pipeA.consumers().isEmpty()));

        // The cluster then closes the far side's pipe producer; B's watchers lose their consumer.
        on(engineB, () -> { room.pipeProducer.close(); return null; });
        assertTrue(events.contains("B consumer c-room1 closed: producer closed"), events::toString);
        assertTrue(on(engineB, () -> room.b.producer("p-room1").isEmpty()));

        on(engineB, () -> { room.pipeB.close(); return null; });
        assertTrue(events.contains("B pipe transport pipe-room1 closed: closed"), events::toString);
        assertTrue(on(engineB, () -> engineB.pipeTransport("pipe-room1").isEmpty()));
    }

    @Test
    void closingTheRouterClosesItsPipeAndBadRequestsAreRefused() throws Exception {
        Room room = pipeRoom("room1", 0xAAAA_0000L, direct(), null);
        RtpParameters params = on(engineA, () -> room.pipeConsumer.rtpParameters());
        assertThrows(IllegalArgumentException.class,
                () -> on(engineB, () -> room.pipeB.producePipe("p-room1", MediaKind.VIDEO, params, false)),
                "the same SSRCs twice");
        RtpParameters noSsrc = new RtpParameters(null, params.codecs(), params.headerExtensions(),
                List.of(new RtpEncodingParameters(null, "r0", null, null, null, null, null)), params.rtcp());
        assertThrows(OrtcException.class,
                () -> on(engineB, () -> room.pipeB.producePipe("other", MediaKind.VIDEO, noSsrc, false)));
        assertThrows(IllegalArgumentException.class, () -> on(engineB, () -> engineB.createPipeTransport(room.b,
                "pipe-x", InetSocketAddress.createUnresolved("nowhere", 1), null, pipeListener("B"))));

        on(engineA, () -> { room.a.close(); return null; });
        assertTrue(events.contains("A pipe consumer pc-room1 closed: producer closed"), events::toString);
        assertTrue(events.contains("A pipe transport pipe-room1 closed: closed"), events::toString);
        assertTrue(on(engineA, () -> engineA.pipeTransport("pipe-room1").isEmpty()));

        on(engineB, () -> { room.b.close(); return null; });
        assertTrue(events.contains("B pipe producer p-room1 closed"), events::toString);
        assertTrue(events.contains("B consumer c-room1 closed: producer closed"), events::toString);
        assertTrue(events.contains("B pipe transport pipe-room1 closed: closed"), events::toString);
    }

    // --- a room piped from A to B ---------------------------------------------------------------------------------

    /** A client's WebRTC transport on a router, with what the client received. */
    private record Endpoint(WebRtcClient client, WebRtcTransport transport, List<byte[]> rtp, List<byte[]> rtcp) {
    }

    private static final class Room {
        long publisherSsrc;
        Router a;
        Router b;
        Endpoint publisher;
        Endpoint subscriber;
        Producer producerA;
        PipeTransport pipeA;
        PipeTransport pipeB;
        Consumer pipeConsumer;
        Producer pipeProducer;
        Consumer consumerB;
    }

    /** The addresses each engine pipes to: A to B and B to A. */
    private record Wiring(InetSocketAddress aToB, InetSocketAddress bToA) {
    }

    private Wiring direct() {
        return new Wiring(engineB.localAddress(), engineA.localAddress());
    }

    private Wiring viaRelay() {
        relay.start(engineA.localAddress(), engineB.localAddress());
        return new Wiring(relay.address(), relay.address());
    }

    /**
     * What the signaling and cluster layers do for one room: a publisher on A, pipe transports on both members
     * (B holding the mirrored keys), a pipe consumer on A, the pipe producer on B under the same id, a watcher on B.
     */
    private Room pipeRoom(String id, long ssrc, Wiring wiring, PipeSrtpKeys keys) throws Exception {
        return pipeRoom(id, ssrc, vp8Parameters(ssrc), wiring, keys);
    }

    private Room pipeRoom(String id, long ssrc, RtpParameters published, Wiring wiring, PipeSrtpKeys keys)
            throws Exception {
        Room room = new Room();
        room.publisherSsrc = ssrc;
        room.a = on(engineA, () -> engineA.createRouter(id));
        room.b = on(engineB, () -> engineB.createRouter(id));
        room.publisher = connectClient(engineA, room.a, id + "-pub");
        room.producerA = on(engineA, () -> room.publisher.transport.produce("p-" + id, MediaKind.VIDEO,
                published, p -> events.add("A producer " + p.id() + " closed")));
        room.pipeA = on(engineA, () -> engineA.createPipeTransport(room.a, "pipe-" + id, wiring.aToB(), keys,
                pipeListener("A")));
        room.pipeConsumer = on(engineA, () -> room.pipeA.consumePipe("pc-" + id, room.producerA));
        RtpParameters pipeParameters = on(engineA, () -> room.pipeConsumer.rtpParameters());
        room.pipeB = on(engineB, () -> engineB.createPipeTransport(room.b, "pipe-" + id, wiring.bToA(),
                keys == null ? null : keys.mirrored(), pipeListener("B")));
        room.pipeProducer = on(engineB, () -> room.pipeB.producePipe("p-" + id, MediaKind.VIDEO, pipeParameters,
                false));
        room.subscriber = connectClient(engineB, room.b, id + "-sub");
        room.consumerB = on(engineB, () -> room.subscriber.transport.consume("c-" + id,
                room.b.producer("p-" + id).orElseThrow(), room.b.rtpCapabilities(), false, consumerListener("B")));
        return room;
    }

    private Endpoint connectClient(MediaEngine engine, Router router, String transportId) throws Exception {
        WebRtcTransport transport = on(engine, () -> engine.createWebRtcTransport(router, transportId,
                new WebRtcTransport.Listener() {
                    @Override public void onIceStateChange(WebRtcTransport t, String s) { }
                    @Override public void onDtlsStateChange(WebRtcTransport t, String s) { }
                    @Override public void onTransportClosed(WebRtcTransport t, String reason) { }
                }));
        List<byte[]> rtp = new CopyOnWriteArrayList<>();
        List<byte[]> rtcp = new CopyOnWriteArrayList<>();
        WebRtcClient client = WebRtcClient.open(new ClientConfig(transport.iceParameters(), transport.iceCandidates(),
                transport.dtlsParameters(), DtlsRole.CLIENT, CLIENT_CERTIFICATE, "127.0.0.1", clientLoop, clientDtls,
                new MediaListener() {
                    @Override public void onRtp(byte[] packet) { rtp.add(packet); }
                    @Override public void onRtcp(byte[] packet) { rtcp.add(packet); }
                }));
        clients.add(client);
        on(engine, () -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);
        await(() -> "connected".equals(on(engine, transport::dtlsState)));
        return new Endpoint(client, transport, rtp, rtcp);
    }

    private PipeTransport.Listener pipeListener(String member) {
        return new PipeTransport.Listener() {
            @Override
            public void onPipeConsumerClosed(PipeTransport t, Consumer c, String reason) {
                events.add(member + " pipe consumer " + c.id() + " closed: " + reason);
            }

            @Override
            public void onPipeProducerClosed(PipeTransport t, Producer p) {
                events.add(member + " pipe producer " + p.id() + " closed");
            }

            @Override
            public void onTransportClosed(PipeTransport t, String reason) {
                events.add(member + " pipe transport " + t.id() + " closed: " + reason);
            }

            @Override
            public void onPipeConsumerProducerPaused(PipeTransport t, Consumer c) {
                events.add(member + " pipe consumer " + c.id() + " producer paused");
            }

            @Override
            public void onPipeConsumerProducerResumed(PipeTransport t, Consumer c) {
                events.add(member + " pipe consumer " + c.id() + " producer resumed");
            }
        };
    }

    private Consumer.Listener consumerListener(String member) {
        return new Consumer.Listener() {
            @Override public void onConsumerClosed(Consumer c, String reason) {
                events.add(member + " consumer " + c.id() + " closed: " + reason);
            }
            @Override public void onProducerPaused(Consumer c) { }
            @Override public void onProducerResumed(Consumer c) { }
        };
    }

    /** VP8 with RTX and NACK/PLI/FIR, one encoding, as mediasoup-client's produce() describes it. */
    private static RtpParameters vp8Parameters(long ssrc) {
        List<RtcpFeedback> feedback = List.of(new RtcpFeedback("nack", ""), new RtcpFeedback("nack", "pli"),
                new RtcpFeedback("ccm", "fir"));
        RtpCodecParameters vp8 = new RtpCodecParameters("video/VP8", 96, 90000, null, Map.of(), feedback);
        RtpCodecParameters rtx = new RtpCodecParameters("video/rtx", 97, 90000, null, Map.of("apt", 96), List.of());
        RtpEncodingParameters encoding = new RtpEncodingParameters(ssrc, null, null, new RtxParameters(ssrc + 1),
                null, null, null);
        return new RtpParameters("0", List.of(vp8, rtx), List.of(), List.of(encoding),
                new RtcpParameters("publisher-cname", true, true));
    }

    // --- media ----------------------------------------------------------------------------------------------------

    /** Sends, starts with a key frame, waits until the watcher got every sequence number and checks payloads. */
    private void assertEverySentPacketArrives(Room room, int fromSeq) throws Exception {
        sendVideo(room, fromSeq, PACKETS);
        awaitAllSeqs(room);
        assertPayloads(room, fromSeq);
    }

    private void sendVideo(Room room, int fromSeq, int count) {
        for (int seq = fromSeq; seq < fromSeq + count; seq++) {
            room.publisher.client.sendRtp(vp8Packet(seq, room.publisherSsrc, seq == 0));
        }
    }

    private void awaitAllSeqs(Room room) throws Exception {
        await(() -> distinctSeqs(room) == PACKETS, () -> "watcher got " + distinctSeqs(room) + " of " + PACKETS
                + "; A " + onQuietly(engineA, room.pipeA::pipeStats) + "; B " + onQuietly(engineB, room.pipeB::pipeStats));
    }

    private static int distinctSeqs(Room room) {
        return (int) room.subscriber.rtp.stream().mapToInt(PipeTransportTest::seqOf).distinct().count();
    }

    /**
     * The watcher's stream has the consumer's SSRC and continuous sequence numbers (the first one it got plus
     * 0..n-1, whatever the arrival order), each carrying the payload the publisher sent at that offset.
     */
    private void assertPayloads(Room room, int fromSeq) throws Exception {
        long consumerSsrc = on(engineB, () -> room.consumerB.rtpParameters().encodings().get(0).ssrc());
        Map<Integer, byte[]> bySeq = new TreeMap<>();
        int first = -1;
        for (byte[] p : room.subscriber.rtp) {
            assertEquals(consumerSsrc, ssrcOf(p));
            if (first < 0 || ((seqOf(p) - first) & 0x8000) != 0) {
                first = first < 0 || ((seqOf(p) - first) & 0xFFFF) > 0x8000 ? seqOf(p) : first;
            }
            bySeq.put(seqOf(p), p);
        }
        List<Integer> offsets = new ArrayList<>();
        for (int seq : bySeq.keySet()) {
            offsets.add((seq - first) & 0xFFFF);
        }
        offsets.sort(null);
        for (int i = 0; i < offsets.size(); i++) {
            assertEquals(i, offsets.get(i).intValue(), "continuous sequence numbers " + offsets);
        }
        for (int i = 0; i < offsets.size(); i++) {
            byte[] received = bySeq.get((first + i) & 0xFFFF);
            assertArrayEquals(payloadOf(vp8Packet(fromSeq + i, room.publisherSsrc, fromSeq + i == 0)),
                    payloadOf(received), "packet " + i);
        }
    }

    private static byte[] vp8Packet(int seq, long ssrc, boolean keyFrame) {
        byte[] p = new byte[12 + 60];
        p[0] = (byte) 0x80;
        p[1] = 96;
        putShort(p, 2, seq);
        putInt(p, 4, seq * 3000L);
        putInt(p, 8, ssrc);
        p[12] = 0x10;                            // VP8 descriptor: start of partition 0
        p[13] = (byte) (keyFrame ? 0x00 : 0x01); // VP8 header: P bit 0 = key frame
        for (int i = 14; i < p.length; i++) {
            p[i] = (byte) (ssrc + seq * 7 + i);
        }
        return p;
    }

    private static int plisFor(Endpoint endpoint, long mediaSsrc) {
        int n = 0;
        for (byte[] rtcp : endpoint.rtcp) {
            RtcpCompoundReader r = new RtcpCompoundReader().reset(PacketBuffer.wrap(rtcp, 0, rtcp.length));
            while (r.next()) {
                Pli pli = Pli.parse(r);
                if (pli != null && pli.mediaSsrc() == mediaSsrc) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean isRtp(byte[] p) {
        return p.length >= 12 && (p[0] & 0xC0) == 0x80 && !((p[1] & 0xFF) >= 192 && (p[1] & 0xFF) <= 223);
    }

    private static int seqOf(byte[] rtp) {
        return ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    }

    private static long ssrcOf(byte[] rtp) {
        return ((rtp[8] & 0xFFL) << 24) | ((rtp[9] & 0xFFL) << 16) | ((rtp[10] & 0xFFL) << 8) | (rtp[11] & 0xFFL);
    }

    private static byte[] payloadOf(byte[] rtp) {
        int headerLength = 12 + 4 * (rtp[0] & 0x0F);
        if ((rtp[0] & 0x10) != 0) {
            int words = ((rtp[headerLength + 2] & 0xFF) << 8) | (rtp[headerLength + 3] & 0xFF);
            headerLength += 4 + 4 * words;
        }
        return Arrays.copyOfRange(rtp, headerLength, rtp.length);
    }

    private static void putShort(byte[] p, int at, int v) {
        p[at] = (byte) (v >>> 8);
        p[at + 1] = (byte) v;
    }

    private static void putInt(byte[] p, int at, long v) {
        p[at] = (byte) (v >>> 24);
        p[at + 1] = (byte) (v >>> 16);
        p[at + 2] = (byte) (v >>> 8);
        p[at + 3] = (byte) v;
    }

    // --- threads and waiting --------------------------------------------------------------------------------------

    private static <T> T on(MediaEngine engine, Callable<T> task) throws Exception {
        try {
            return engine.submit(task).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Object onQuietly(MediaEngine engine, Callable<?> task) {
        try {
            return on(engine, task);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
