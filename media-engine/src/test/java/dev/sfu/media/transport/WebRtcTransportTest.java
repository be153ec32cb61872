package dev.sfu.media.transport;

import static dev.sfu.media.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.client.ClientConfig;
import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.EngineStats;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.net.PacketKind;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtcpParameters;
import dev.sfu.media.ortc.RtpCodecParameters;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real engine on 127.0.0.1 and the Java client: ICE, DTLS and SRTP through a WebRtcTransport. */
class WebRtcTransportTest {
    private static final DtlsCertificate CLIENT_CERTIFICATE = DtlsCertificate.generate();

    private MediaEngine engine;
    private NioEventLoopGroup clientLoop;
    private ExecutorService clientDtls;
    private WebRtcClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<byte[]> clientRtp = new CopyOnWriteArrayList<>();
    private final List<byte[]> clientRtcp = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        engine = MediaEngine.start(new MediaEngineConfig("127.0.0.1", 0, "127.0.0.1", Duration.ofMillis(2500),
                Duration.ofMillis(20), 2).withConnectTimeout(Duration.ofSeconds(8)));
        clientLoop = new NioEventLoopGroup(1);
        clientDtls = Executors.newFixedThreadPool(1);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        engine.close();
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        clientDtls.shutdownNow();
    }

    @Test
    void iceDtlsAndSrtpFlowBothWays() throws Exception {
        WebRtcTransport transport = createTransport();
        Consumer consumer = loopBack(transport, 0x11223344L);
        client = openClient(transport, DtlsRole.CLIENT);
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);
        await(() -> "connected".equals(onMedia(transport::dtlsState)));

        assertEquals("completed", onMedia(transport::iceState));
        assertTrue(events.containsAll(List.of("ice completed", "dtls connecting", "dtls connected")), events::toString);
        assertTrue(client.iceConnected());
        assertEquals("connected", client.dtlsState());

        // Client -> SFU (SRTP decrypted, routed) -> client (re-encrypted) as the consumer's stream.
        for (int seq = 0; seq < 20; seq++) {
            client.sendRtp(rtp(seq, 0x11223344L));
        }
        client.sendRtcp(receiverReport(0x11223344L));
        long consumerSsrc = onMedia(() -> consumer.rtpParameters().encodings().get(0).ssrc());
        await(() -> clientRtp.size() == 20 && onMedia(transport::counters).rtcpReceived() == 1,
                () -> "client got " + clientRtp.size() + " RTP, dropped " + client.mediaDropped() + "; server "
                        + onMediaQuietly(transport::counters) + " " + onMediaQuietly(transport::stats));
        for (int seq = 0; seq < 20; seq++) {
            assertEquals(consumerSsrc, ssrcOf(clientRtp.get(seq)));
            assertArrayEquals(payloadOf(rtp(seq, 0x11223344L)), payloadOf(clientRtp.get(seq)), "packet " + seq);
        }
        // The RTP layer's periodic reports reach the client through SRTCP.
        await(() -> clientRtcp.size() > 0);

        TransportCounters counters = onMedia(transport::counters);
        assertEquals(20, counters.rtpReceived());
        assertEquals(20, counters.rtpSent());
        assertEquals(0, counters.unprotectFailures());
    }

    @Test
    void weTakeTheDtlsClientRoleWhenTheRemoteIsServer() throws Exception {
        WebRtcTransport transport = createTransport();
        loopBack(transport, 7);
        client = openClient(transport, DtlsRole.SERVER);
        assertEquals("server", client.localDtlsParameters().role());
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);
        await(() -> "connected".equals(onMedia(transport::dtlsState)));
        client.sendRtp(rtp(1, 7));
        await(() -> clientRtp.size() == 1);
    }

    @Test
    void wrongFingerprintIsRefused() throws Exception {
        WebRtcTransport transport = createTransport();
        client = openClient(transport, DtlsRole.CLIENT);
        DtlsFingerprint someoneElse = DtlsCertificate.generate().fingerprint();
        onMedia(() -> { transport.connect(new DtlsParameters("client", List.of(someoneElse))); return null; });
        client.connect();
        await(() -> "failed".equals(onMedia(transport::dtlsState)));
        assertTrue(events.contains("dtls failed"), events::toString);
        assertEquals(false, onMedia(transport::isConnected));
    }

    @Test
    void connectTwiceOrWithBadParametersIsRefused() throws Exception {
        WebRtcTransport transport = createTransport();
        DtlsParameters good = new DtlsParameters("client", List.of(CLIENT_CERTIFICATE.fingerprint()));
        assertThrows(IllegalArgumentException.class,
                () -> onMedia(() -> { transport.connect(new DtlsParameters("sideways", good.fingerprints())); return 0; }));
        assertThrows(IllegalArgumentException.class,
                () -> onMedia(() -> { transport.connect(new DtlsParameters("client", List.of())); return 0; }));
        onMedia(() -> { transport.connect(good); return 0; });
        assertThrows(IllegalStateException.class, () -> onMedia(() -> { transport.connect(good); return 0; }));
    }

    @Test
    void garbageSprayedAtThePortIsDroppedWhileTheSessionKeepsServing() throws Exception {
        WebRtcTransport transport = createTransport();
        loopBack(transport, 99);
        client = openClient(transport, DtlsRole.CLIENT);
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);

        InetSocketAddress port = engine.localAddress();
        Random random = new Random(7);
        byte[] validCheck = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST,
                StunMessageBuilder.randomTransactionId())
                .username(transport.iceParameters().usernameFragment() + ":x").priority(1).useCandidate()
                .build("not-the-password".getBytes(), true);
        try (DatagramSocket attacker = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                switch (i % 6) {
                    case 0 -> junk[0] = (byte) (64 + random.nextInt(64));     // no protocol (64..127)
                    case 1 -> junk = Arrays.copyOf(validCheck, 1 + random.nextInt(validCheck.length - 1));
                    case 2 -> junk = validCheck;                              // right ufrag, wrong password
                    case 3 -> junk[0] = 22;                                   // fake DTLS record
                    case 4 -> junk[0] = (byte) 0x80;                          // fake RTP
                    default -> junk[0] = (byte) (192 + random.nextInt(64));   // no protocol (192..255)
                }
                attacker.send(new DatagramPacket(junk, junk.length, port));
            }
        }
        // Forged media and DTLS from the selected address itself: SRTP authentication and DTLS drop them.
        for (int i = 0; i < 20; i++) {
            client.sendRaw(rtp(i, 99));
            client.sendRaw(receiverReport(99));
            client.sendRaw(new byte[] {23, (byte) 0xFE, (byte) 0xFD, 0, 1, 2, 3});
        }
        await(() -> onMedia(transport::counters).unprotectFailures() == 40);
        client.sendRtp(rtp(1, 99));
        await(() -> clientRtp.size() == 1);

        EngineStats stats = onMedia(engine::stats);
        assertTrue(stats.demux().get(PacketKind.UNKNOWN).dropped() > 0, stats::toString);
        assertTrue(stats.demux().get(PacketKind.STUN).dropped() > 0, stats::toString);
        assertTrue(stats.demux().get(PacketKind.DTLS).unknownAddress() > 0, stats::toString);
        assertTrue(stats.demux().get(PacketKind.RTP_RTCP).unknownAddress() > 0, stats::toString);
        assertEquals(0, stats.handlerErrors(), "no exception escaped packet handling");
        assertEquals("completed", onMedia(transport::iceState));
        assertEquals("connected", onMedia(transport::dtlsState));
    }

    @Test
    void aStunFloodFromAStrangerIsCutToItsBudgetWhileTheSessionKeepsForwarding() throws Exception {
        WebRtcTransport transport = createTransport();
        loopBack(transport, 99);
        client = openClient(transport, DtlsRole.CLIENT);
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);

        byte[] check = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST,
                StunMessageBuilder.randomTransactionId())
                .username(transport.iceParameters().usernameFragment() + ":x").priority(1).useCandidate()
                .build("not-the-password".getBytes(), true);
        int flood = 20_000;
        int media = 200;
        InetSocketAddress port = engine.localAddress();
        try (DatagramSocket flooder = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            // 100 flood datagrams per media packet, paced a little so that the kernel's receive buffer (which no
            // userland limit can protect) is not what drops the media: the limiter's job is the CPU behind it.
            for (int i = 0; i < flood; i++) {
                flooder.send(new DatagramPacket(check, check.length, port));
                if (i % (flood / media) == 0) {
                    client.sendRtp(rtp(i / (flood / media), 99));
                    Thread.sleep(1);
                }
            }
        }
        await(() -> clientRtp.size() >= media * 95 / 100,
                () -> "media forwarded during the flood: " + clientRtp.size() + " of " + media);
        EngineStats stats = onMedia(engine::stats);
        assertTrue(stats.floodDropped() > 0, stats::toString);
        assertTrue(stats.floodSourcesLimited() >= 1, stats::toString);
        assertEquals(0, stats.handlerErrors());
        assertEquals("completed", onMedia(transport::iceState));
        assertEquals("connected", onMedia(transport::dtlsState));
    }

    @Test
    void aTransportThatNeverConnectsIsClosedAfterTheConnectTimeout() throws Exception {
        createTransport(); // the client never sends an ICE check; the engine's connect timeout is 8 s here
        await(() -> events.stream().anyMatch(event -> event.startsWith("closed not connected within")),
                () -> "events: " + events);
        assertEquals(0, onMedia(engine::stats).transports());
    }

    @Test
    void transportClosesWhenConsentExpires() throws Exception {
        WebRtcTransport transport = createTransport();
        client = openClient(transport, DtlsRole.CLIENT);
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);
        client.close(); // stops consent checks; the engine's consent timeout is 2.5 s here
        client = null;
        await(() -> events.contains("closed ICE consent expired"));
        assertEquals("closed", onMedia(transport::iceState));
        assertEquals(0, onMedia(engine::stats).transports());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private WebRtcTransport createTransport() throws Exception {
        return onMedia(() -> engine.createWebRtcTransport(engine.createRouter("r1"), "t1",
                new WebRtcTransport.Listener() {
                    @Override
                    public void onIceStateChange(WebRtcTransport t, String state) {
                        events.add("ice " + state);
                    }

                    @Override
                    public void onDtlsStateChange(WebRtcTransport t, String state) {
                        events.add("dtls " + state);
                    }

                    @Override
                    public void onTransportClosed(WebRtcTransport t, String reason) {
                        events.add("closed " + reason);
                    }
                }));
    }

    /** The client's opus stream as mediasoup-client would describe it in produce(). */
    private static RtpParameters opusParameters(long ssrc) {
        RtpCodecParameters opus = new RtpCodecParameters("audio/opus", 111, 48000, 2, Map.of(), List.of());
        RtpEncodingParameters encoding = new RtpEncodingParameters(ssrc, null, null, null, null, null, null);
        return new RtpParameters("0", List.of(opus), List.of(), List.of(encoding),
                new RtcpParameters("client-cname", true, true));
    }

    /** The same transport produces the client's stream and consumes it back: a loop through the router. */
    private Consumer loopBack(WebRtcTransport transport, long ssrc) throws Exception {
        return onMedia(() -> {
            Producer producer = transport.produce("p1", MediaKind.AUDIO, opusParameters(ssrc), p -> { });
            return transport.consume("c1", producer, transport.router().rtpCapabilities(), false,
                    new Consumer.Listener() {
                        @Override public void onConsumerClosed(Consumer c, String reason) { }
                        @Override public void onProducerPaused(Consumer c) { }
                        @Override public void onProducerResumed(Consumer c) { }
                    });
        });
    }

    private static byte[] payloadOf(byte[] rtp) {
        int headerLength = 12 + 4 * (rtp[0] & 0x0F);
        if ((rtp[0] & 0x10) != 0) {
            int words = ((rtp[headerLength + 2] & 0xFF) << 8) | (rtp[headerLength + 3] & 0xFF);
            headerLength += 4 + 4 * words;
        }
        return Arrays.copyOfRange(rtp, headerLength, rtp.length);
    }

    private static long ssrcOf(byte[] rtp) {
        return ((rtp[8] & 0xFFL) << 24) | ((rtp[9] & 0xFFL) << 16) | ((rtp[10] & 0xFFL) << 8) | (rtp[11] & 0xFFL);
    }

    private WebRtcClient openClient(WebRtcTransport transport, DtlsRole role) {
        MediaListener listener = new MediaListener() {
            @Override
            public void onRtp(byte[] rtp) {
                clientRtp.add(rtp);
            }

            @Override
            public void onRtcp(byte[] rtcp) {
                clientRtcp.add(rtcp);
            }
        };
        return WebRtcClient.open(new ClientConfig(transport.iceParameters(), transport.iceCandidates(),
                transport.dtlsParameters(), role, CLIENT_CERTIFICATE, "127.0.0.1", clientLoop, clientDtls, listener));
    }

    private <T> T onMedia(Callable<T> task) throws Exception {
        try {
            return engine.submit(task).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Object onMediaQuietly(Callable<?> task) {
        try {
            return onMedia(task);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static byte[] rtp(int seq, long ssrc) {
        byte[] p = new byte[12 + 40];
        p[0] = (byte) 0x80;
        p[1] = 111;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[7] = (byte) (seq * 960);
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (seq + i);
        }
        return p;
    }

    /** An empty receiver report (RFC 3550 section 6.4.2). */
    private static byte[] receiverReport(long ssrc) {
        return new byte[] {(byte) 0x80, (byte) 201, 0, 1,
                (byte) (ssrc >>> 24), (byte) (ssrc >>> 16), (byte) (ssrc >>> 8), (byte) ssrc};
    }
}
