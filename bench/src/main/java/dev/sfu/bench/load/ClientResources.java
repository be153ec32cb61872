package dev.sfu.bench.load;

import dev.sfu.media.client.ClientConfig;
import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import dev.sfu.media.dtls.DtlsCertificate;
import dev.sfu.media.dtls.DtlsRole;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every simulated client shares, so that a thousand clients cost a few threads: one Netty event-loop group
 * for all subscriber sockets and one for the publishers' (so that decrypting what arrives never delays what is
 * sent, which would read as SFU latency), one DTLS handshake pool, one certificate, one pacing thread for all
 * publishers and one HTTP client for signaling.
 */
final class ClientResources implements AutoCloseable {
    private final NioEventLoopGroup loops;
    private final NioEventLoopGroup publisherLoops = new NioEventLoopGroup(1, daemon("load-publisher"));
    private final ExecutorService dtls = Executors.newCachedThreadPool(daemon("load-dtls"));
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(daemon("load-pacer"));
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final SignalingClient signaling;
    private final Duration timeout;

    ClientResources(int eventLoopThreads, Duration timeout) {
        this.loops = new NioEventLoopGroup(eventLoopThreads, daemon("load-client"));
        this.signaling = new SignalingClient(timeout);
        this.timeout = timeout;
    }

    SignalingClient signaling() {
        return signaling;
    }

    ScheduledExecutorService pacer() {
        return pacer;
    }

    Duration timeout() {
        return timeout;
    }

    /** Opens a client towards a server transport (DTLS client role), on the publishers' or the shared loops. */
    WebRtcClient openClient(SignalingClient.Transport transport, MediaListener listener, boolean publisher) {
        return WebRtcClient.open(new ClientConfig(transport.iceParameters(), transport.iceCandidates(),
                transport.dtlsParameters(), DtlsRole.CLIENT, certificate, "127.0.0.1",
                publisher ? publisherLoops : loops, dtls, listener));
    }

    /** Connects a client: our DTLS parameters to the server, then ICE and DTLS; waits for SRTP keys. */
    void connect(WebRtcClient client, SignalingClient.Transport transport) throws Exception {
        signaling.connectTransport(transport, client.localDtlsParameters());
        client.connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        publisherLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        dtls.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
