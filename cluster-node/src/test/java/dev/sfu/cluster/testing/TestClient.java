package dev.sfu.cluster.testing;

import dev.sfu.media.client.ClientConfig;
import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.signaling.api.Requests;
import dev.sfu.signaling.api.Responses.TransportCreated;
import dev.sfu.signaling.api.SignalingService;
import io.netty.channel.nio.NioEventLoopGroup;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Java WebRTC client (ICE, DTLS client, SRTP) connected through the signaling API to one server transport, as a
 * browser would be: the transport's parameters come from createTransport, ours go to connectTransport.
 */
public final class TestClient implements AutoCloseable {
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    private final NioEventLoopGroup loop = new NioEventLoopGroup(1);
    private final ExecutorService dtls = Executors.newSingleThreadExecutor();
    private final WebRtcClient client;
    private final List<byte[]> receivedRtp = new CopyOnWriteArrayList<>();
    private final AtomicLong rtpCount = new AtomicLong();

    private TestClient(TransportCreated transport) {
        MediaListener keepRtp = new MediaListener() {
            @Override
            public void onRtp(byte[] rtp) {
                rtpCount.incrementAndGet();
                if (receivedRtp.size() < 1000) receivedRtp.add(rtp);
            }

            @Override
            public void onRtcp(byte[] rtcp) {
            }
        };
        this.client = WebRtcClient.open(new ClientConfig(transport.iceParameters(), transport.iceCandidates(),
                transport.dtlsParameters(), DtlsRole.CLIENT, CERTIFICATE, "127.0.0.1", loop, dtls, keepRtp));
    }

    /** Opens a client, hands its DTLS parameters to {@code api}, and waits until SRTP keys exist. */
    public static TestClient connect(SignalingService api, TransportCreated transport) throws Exception {
        TestClient testClient = new TestClient(transport);
        try {
            api.connectTransport(new Requests.ConnectTransport(transport.id(), testClient.client.localDtlsParameters()))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            testClient.client.connect().get(30, TimeUnit.SECONDS);
            return testClient;
        } catch (Exception e) {
            testClient.close();
            throw e;
        }
    }

    /**
     * Opens a client whose DTLS parameters reach the server through {@code connectTransport} (e.g. an HTTP POST to
     * /api/connect-transport), and waits until SRTP keys exist.
     */
    public static TestClient connect(TransportCreated transport,
                                     java.util.function.Consumer<dev.sfu.media.transport.DtlsParameters> connectTransport)
            throws Exception {
        TestClient testClient = new TestClient(transport);
        try {
            connectTransport.accept(testClient.client.localDtlsParameters());
            testClient.client.connect().get(30, TimeUnit.SECONDS);
            return testClient;
        } catch (Exception e) {
            testClient.close();
            throw e;
        }
    }

    public WebRtcClient client() {
        return client;
    }

    /** The decrypted RTP packets received so far (the first thousand). */
    public List<byte[]> receivedRtp() {
        return receivedRtp;
    }

    /** How many RTP packets arrived so far (all of them, not only the first thousand). */
    public long rtpCount() {
        return rtpCount.get();
    }

    /** A minimal RTP packet: version 2, no extensions, a 20-byte payload. */
    public static byte[] rtp(int payloadType, int sequence, long timestamp, long ssrc) {
        ByteBuffer packet = ByteBuffer.allocate(12 + 20);
        packet.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) ssrc);
        for (int i = 0; i < 20; i++) packet.put((byte) i);
        return packet.array();
    }

    @Override
    public void close() {
        client.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        dtls.shutdownNow();
    }
}
