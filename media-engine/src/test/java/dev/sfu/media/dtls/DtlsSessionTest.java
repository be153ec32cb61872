package dev.sfu.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import dev.sfu.media.transport.DtlsFingerprint;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real DTLS handshakes between two sessions over real UDP sockets on 127.0.0.1. */
class DtlsSessionTest {
    private static DtlsCertificate certA;
    private static DtlsCertificate certB;

    private ExecutorService executor;
    private UdpLoopbackLink link;
    private DtlsSession sessionA;
    private DtlsSession sessionB;
    private final RecordingListener listenerA = new RecordingListener();
    private final RecordingListener listenerB = new RecordingListener();

    @BeforeAll
    static void certificates() {
        certA = DtlsCertificate.generate();
        certB = DtlsCertificate.generate();
    }

    @BeforeEach
    void setUp() throws Exception {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dtls-test-handshake");
            t.setDaemon(true);
            return t;
        });
        link = new UdpLoopbackLink();
    }

    @AfterEach
    void tearDown() {
        if (sessionA != null) {
            sessionA.close();
        }
        if (sessionB != null) {
            sessionB.close();
        }
        link.close();
        executor.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void handshakeCompletesAndSrtpSessionsInteroperate(DtlsRole roleOfA) throws Exception {
        DtlsRole roleOfB = roleOfA == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
        connect(roleOfA, List.of(certB.fingerprint()), roleOfB, List.of(certA.fingerprint()));

        SrtpSession srtpA = listenerA.awaitConnected();
        SrtpSession srtpB = listenerB.awaitConnected();
        assertEquals("connected", sessionA.state());
        assertEquals("connected", sessionB.state());
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, srtpA.profile(), "GCM is preferred when both offer it");
        assertEquals(srtpA.profile(), srtpB.profile());
        assertEquals(srtpA.profile(), sessionA.srtpProfile());

        assertRtpFlows(srtpA, srtpB, 0x11111111L);
        assertRtpFlows(srtpB, srtpA, 0x22222222L);
        assertRtcpFlows(srtpA, srtpB, 0x33333333L);
        assertRtcpFlows(srtpB, srtpA, 0x44444444L);
    }

    @Test
    void handshakeSurvivesLossOfTheFirstFlights() throws Exception {
        link.a.dropOutgoing(index -> index == 0);      // the ClientHello
        link.b.dropOutgoing(index -> index <= 1);      // the start of the server's flight
        connect(DtlsRole.CLIENT, List.of(certB.fingerprint()), DtlsRole.SERVER, List.of(certA.fingerprint()));

        assertRtpFlows(listenerA.awaitConnected(), listenerB.awaitConnected(), 0x55555555L);
    }

    @Test
    void lostFinalServerFlightIsResentAfterTheServerConnected() throws Exception {
        // The server's last flight (ChangeCipherSpec + Finished) is lost: the server is already connected and must
        // answer the client's retransmitted flight from the post-handshake path.
        AtomicInteger dropped = new AtomicInteger();
        link.b.dropOutgoing((index, data, offset, length) -> {
            boolean finalFlight = data[offset] == 20 || (data[offset + 3] | data[offset + 4]) != 0;
            return finalFlight && dropped.getAndIncrement() < 2;
        });
        connect(DtlsRole.CLIENT, List.of(certB.fingerprint()), DtlsRole.SERVER, List.of(certA.fingerprint()));

        SrtpSession srtpB = listenerB.awaitConnected();
        SrtpSession srtpA = listenerA.awaitConnected();
        assertTrue(dropped.get() >= 1);
        assertRtpFlows(srtpA, srtpB, 0x77777777L);
        assertRtpFlows(srtpB, srtpA, 0x88888888L);
    }

    @Test
    void clientRejectsServerCertificateWithWrongFingerprint() throws Exception {
        DtlsFingerprint wrong = DtlsCertificate.generate().fingerprint();
        connect(DtlsRole.CLIENT, List.of(wrong), DtlsRole.SERVER, List.of(certA.fingerprint()));

        String reason = listenerA.awaitFailed();
        assertTrue(reason.contains("fingerprint mismatch"), reason);
        assertEquals("failed", sessionA.state());
        assertTrue(listenerB.awaitFailed().contains("bad_certificate"), "the server hears the fatal alert");
        assertFalse(listenerA.connected.isDone());
    }

    @Test
    void serverRejectsClientCertificateWithWrongFingerprint() throws Exception {
        DtlsFingerprint wrong = new DtlsFingerprint("sha-256", certA.fingerprint().value().replace('A', 'B'));
        connect(DtlsRole.CLIENT, List.of(certB.fingerprint()), DtlsRole.SERVER, List.of(wrong));

        String reason = listenerB.awaitFailed();
        assertTrue(reason.contains("fingerprint mismatch"), reason);
        assertFalse(listenerB.connected.isDone());
    }

    @Test
    void garbageDatagramsNeitherThrowNorBreakTheSession() throws Exception {
        sessionA = newSession(certA, DtlsRole.CLIENT, List.of(certB.fingerprint()), link.a, listenerA);
        sessionB = newSession(certB, DtlsRole.SERVER, List.of(certA.fingerprint()), link.b, listenerB);
        Random random = new Random(7);
        feedGarbage(sessionB, random); // before start and during the handshake
        link.a.start(sessionA::receive);
        link.b.start(sessionB::receive);
        sessionB.start();
        feedGarbage(sessionB, random);
        sessionA.start();

        SrtpSession srtpA = listenerA.awaitConnected();
        SrtpSession srtpB = listenerB.awaitConnected();
        feedGarbage(sessionA, random);
        feedGarbage(sessionB, random);
        assertEquals("connected", sessionA.state());
        assertEquals("connected", sessionB.state());
        assertTrue(sessionB.droppedDatagrams() > 0);
        assertRtpFlows(srtpA, srtpB, 0x66666666L);
    }

    @Test
    void truncatedCopiesOfRealHandshakeDatagramsAreIgnored() throws Exception {
        // Before each real datagram from A, B also receives every truncation of it.
        sessionA = newSession(certA, DtlsRole.CLIENT, List.of(certB.fingerprint()), link.a, listenerA);
        sessionB = newSession(certB, DtlsRole.SERVER, List.of(certA.fingerprint()), link.b, listenerB);
        link.a.dropOutgoing((index, data, offset, length) -> {
            for (int cut = 0; cut < length; cut++) {
                sessionB.receive(data, offset, cut);
            }
            return false;
        });
        link.a.start(sessionA::receive);
        link.b.start(sessionB::receive);
        sessionB.start();
        sessionA.start();

        assertRtpFlows(listenerA.awaitConnected(), listenerB.awaitConnected(), 0x99999999L);
        assertTrue(sessionB.droppedDatagrams() > 0);
    }

    @Test
    void forgedAlertsAfterTheHandshakeDoNotCloseTheSession() throws Exception {
        connect(DtlsRole.CLIENT, List.of(certB.fingerprint()), DtlsRole.SERVER, List.of(certA.fingerprint()));
        listenerA.awaitConnected();
        listenerB.awaitConnected();

        Random random = new Random(13);
        for (int i = 0; i < 20; i++) {
            byte[] alert = new byte[13 + 26];
            random.nextBytes(alert);
            alert[0] = 21;                       // alert
            alert[1] = (byte) 0xFE;
            alert[2] = (byte) 0xFD;
            alert[3] = 0;
            alert[4] = 1;                        // epoch 1: "encrypted" but with a made-up tag
            alert[11] = 0;
            alert[12] = 26;
            sessionB.receive(alert, 0, alert.length);
        }

        assertFalse(listenerB.closed.await(500, java.util.concurrent.TimeUnit.MILLISECONDS),
                "unauthenticated alerts must not end the session");
        assertEquals("connected", sessionB.state());
        sessionA.close();
        assertTrue(listenerB.awaitClosed(), "a real close_notify still does");
    }

    @Test
    void randomBytesAtAnyOffsetNeverThrowInAnyState() throws Exception {
        sessionA = newSession(certA, DtlsRole.CLIENT, List.of(certB.fingerprint()), link.a, listenerA);
        sessionB = newSession(certB, DtlsRole.SERVER, List.of(certA.fingerprint()), link.b, listenerB);
        Random random = new Random(17);
        fuzz(sessionB, random);                                  // new
        link.a.start(sessionA::receive);
        link.b.start(sessionB::receive);
        sessionB.start();
        sessionA.start();
        fuzz(sessionB, random);                                  // connecting
        SrtpSession srtpA = listenerA.awaitConnected();
        SrtpSession srtpB = listenerB.awaitConnected();
        fuzz(sessionA, random);                                  // connected
        assertRtpFlows(srtpA, srtpB, 0xABCDEF01L);
        sessionA.close();
        fuzz(sessionA, random);                                  // closed
    }

    @Test
    void closeSendsCloseNotifyAndThePeerReportsClosed() throws Exception {
        connect(DtlsRole.CLIENT, List.of(certB.fingerprint()), DtlsRole.SERVER, List.of(certA.fingerprint()));
        listenerA.awaitConnected();
        listenerB.awaitConnected();

        sessionA.close();

        assertEquals("closed", sessionA.state());
        assertTrue(listenerB.awaitClosed(), "peer saw close_notify");
        assertEquals("closed", sessionB.state());
    }

    @Test
    void handshakeWithoutPeerTimesOut() throws Exception {
        sessionA = new DtlsSession(certA, DtlsRole.CLIENT, List.of(certB.fingerprint()),
                (data, offset, length) -> { }, listenerA, executor, 1500);
        sessionA.start();

        assertTrue(listenerA.awaitFailed().contains("timed out"));
        assertEquals("failed", sessionA.state());
    }

    private void connect(DtlsRole roleOfA, List<DtlsFingerprint> expectedByA,
                         DtlsRole roleOfB, List<DtlsFingerprint> expectedByB) {
        sessionA = newSession(certA, roleOfA, expectedByA, link.a, listenerA);
        sessionB = newSession(certB, roleOfB, expectedByB, link.b, listenerB);
        link.a.start(sessionA::receive);
        link.b.start(sessionB::receive);
        // The server first, as in WebRTC where the answerer's side is usually ready before the first ClientHello.
        (roleOfA == DtlsRole.SERVER ? sessionA : sessionB).start();
        (roleOfA == DtlsRole.SERVER ? sessionB : sessionA).start();
    }

    private DtlsSession newSession(DtlsCertificate cert, DtlsRole role, List<DtlsFingerprint> expected,
                                   UdpLoopbackLink.End end, RecordingListener listener) {
        return new DtlsSession(cert, role, expected, end::send, listener, executor);
    }

    private static void feedGarbage(DtlsSession session, Random random) {
        for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length > 13) {
                garbage[0] = 22;               // looks like a handshake record...
                garbage[1] = (byte) 0xFE;
                garbage[2] = (byte) 0xFD;      // ...whose lengths do not add up
            }
            session.receive(garbage, 0, garbage.length);
        }
        session.receive(new byte[0], 0, 0);
        session.receive(new byte[] {22, (byte) 0xFE}, 0, 2);
    }

    private static void fuzz(DtlsSession session, Random random) {
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = (byte) (20 + random.nextInt(4));
            }
            int offset = random.nextInt(bytes.length + 2) - 1;
            int length = random.nextInt(bytes.length + 2) - 1;
            session.receive(bytes, offset, length);
        }
        session.receive(null, 0, 0);
    }

    private static void assertRtpFlows(SrtpSession sender, SrtpSession receiver, long ssrc) {
        for (int seq = 1; seq <= 3; seq++) {
            byte[] rtp = rtp(seq, ssrc);
            PacketBuffer packet = new PacketBuffer().copyFrom(rtp, 0, rtp.length);
            assertTrue(sender.protectRtp(packet));
            assertTrue(receiver.unprotectRtp(packet));
            assertArrayEquals(rtp, packet.toByteArray());
        }
    }

    private static void assertRtcpFlows(SrtpSession sender, SrtpSession receiver, long ssrc) {
        byte[] rtcp = {(byte) 0x80, (byte) 201, 0, 1, (byte) (ssrc >>> 24), (byte) (ssrc >>> 16),
            (byte) (ssrc >>> 8), (byte) ssrc};
        PacketBuffer packet = new PacketBuffer().copyFrom(rtcp, 0, rtcp.length);
        assertTrue(sender.protectRtcp(packet));
        assertTrue(receiver.unprotectRtcp(packet));
        assertArrayEquals(rtcp, packet.toByteArray());
    }

    private static byte[] rtp(int seq, long ssrc) {
        byte[] packet = new byte[12 + 20];
        packet[0] = (byte) 0x80;
        packet[1] = 111;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        packet[7] = (byte) seq;
        packet[8] = (byte) (ssrc >>> 24);
        packet[9] = (byte) (ssrc >>> 16);
        packet[10] = (byte) (ssrc >>> 8);
        packet[11] = (byte) ssrc;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }
}
