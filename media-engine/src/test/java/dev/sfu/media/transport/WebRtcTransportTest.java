package dev.sfu.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sfu.media.client.ClientConfig;
import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.media.engine.EngineStats;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.MediaEngineConfig;
import dev.sfu.media.net.PacketKind;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
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
        engine = MediaEngine.start(new MediaEngineConfig("127.0.0.1", 0, "127.0.0.1", Duration.ofMillis(600),
                Duration.ofMillis(20), 2));
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
        WebRtcTransport transport = createEchoTransport();
        client = openClient(transport, DtlsRole.CLIENT);
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);
        await(() -> "connected".equals(onMedia(transport::dtlsState)));

        assertEquals("completed", onMedia(transport::iceState));
        assertTrue(events.containsAll(List.of("ice completed", "dtls connecting", "dtls connected")), events::toString);
        assertTrue(client.iceConnected());
        assertEquals("connected", client.dtlsState());

        for (int seq = 0; seq < 20; seq++) {
            client.sendRtp(rtp(seq, 0x11223344L));
        }
        client.sendRtcp(receiverReport(0x11223344L));
        await(() -> clientRtp.size() == 20 && clientRtcp.size() == 1);
        for (int seq = 0; seq < 20; seq++) {
            assertArrayEquals(rtp(seq, 0x11223344L), clientRtp.get(seq), "echoed packet " + seq);
        }
        assertArrayEquals(receiverReport(0x11223344L), clientRtcp.get(0));

        TransportCounters counters = onMedia(transport::counters);
        assertEquals(20, counters.rtpReceived());
        assertEquals(20, counters.rtpSent());
        assertEquals(1, counters.rtcpReceived());
        assertEquals(1, counters.rtcpSent());
        assertEquals(0, counters.unprotectFailures());
    }

    @Test
    void weTakeTheDtlsClientRoleWhenTheRemoteIsServer() throws Exception {
        WebRtcTransport transport = createEchoTransport();
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
        WebRtcTransport transport = createEchoTransport();
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
        WebRtcTransport transport = createEchoTransport();
        DtlsParameters good = new DtlsParameters("client", List.of(CLIENT_CERTIFICATE.fingerprint()));
        assertCause(IllegalArgumentException.class,
                () -> onMedia(() -> { transport.connect(new DtlsParameters("sideways", good.fingerprints())); return 0; }));
        assertCause(IllegalArgumentException.class,
                () -> onMedia(() -> { transport.connect(new DtlsParameters("client", List.of())); return 0; }));
        onMedia(() -> { transport.connect(good); return 0; });
        assertCause(IllegalStateException.class, () -> onMedia(() -> { transport.connect(good); return 0; }));
    }

    @Test
    void garbageSprayedAtThePortIsDroppedWhileTheSessionKeepsServing() throws Exception {
        WebRtcTransport transport = createEchoTransport();
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
                    case 1 -> junk = java.util.Arrays.copyOf(validCheck, 1 + random.nextInt(validCheck.length - 1));
                    case 2 -> junk = validCheck;                              // right ufrag, wrong password
                    case 3 -> junk[0] = 22;                                   // fake DTLS record
                    case 4 -> junk[0] = (byte) 0x80;                          // fake RTP
                    default -> junk[0] = (byte) (192 + random.nextInt(64));   // no protocol (192..255)
                }
                attacker.send(new DatagramPacket(junk, junk.length, port));
            }
        }
        client.sendRtp(rtp(1, 99));
        await(() -> clientRtp.size() == 1);

        EngineStats stats = onMedia(engine::stats);
        assertTrue(stats.demux().get(PacketKind.UNKNOWN).dropped() > 0, stats::toString);
        assertTrue(stats.demux().get(PacketKind.STUN).dropped() > 0, stats::toString);
        assertTrue(stats.demux().get(PacketKind.DTLS).unknownAddress() > 0, stats::toString);
        assertTrue(stats.demux().get(PacketKind.RTP_RTCP).unknownAddress() > 0, stats::toString);
        assertEquals("completed", onMedia(transport::iceState));
        assertEquals("connected", onMedia(transport::dtlsState));
    }

    @Test
    void transportClosesWhenConsentExpires() throws Exception {
        WebRtcTransport transport = createEchoTransport();
        client = openClient(transport, DtlsRole.CLIENT);
        onMedia(() -> { transport.connect(client.localDtlsParameters()); return null; });
        client.connect().get(15, TimeUnit.SECONDS);
        client.close(); // stops consent checks; the engine's consent timeout is 600 ms here
        client = null;
        await(() -> events.contains("closed ICE consent expired"));
        assertEquals("closed", onMedia(transport::iceState));
        assertEquals(0, onMedia(engine::stats).transports());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private WebRtcTransport createEchoTransport() throws Exception {
        WebRtcTransport transport = onMedia(() -> engine.createWebRtcTransport("t1", new WebRtcTransport.Listener() {
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
        onMedia(() -> {
            transport.mediaReceiver(new MediaReceiver() {
                @Override
                public void onRtp(PacketBuffer rtp) {
                    transport.sendRtp(rtp);
                }

                @Override
                public void onRtcp(PacketBuffer rtcp) {
                    transport.sendRtcp(rtcp);
                }
            });
            return null;
        });
        return transport;
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

    private static void assertCause(Class<? extends Exception> type, org.junit.jupiter.api.function.Executable call) {
        assertThrows(type, call);
    }

    /** Waits (bounded) for a condition; a generous bound, never a timing assertion. */
    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(20);
        }
        fail("condition not met in 15 s");
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
