package dev.sfu.media.client;

import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.media.dtls.DtlsSession;
import dev.sfu.media.net.PacketClassifier;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunParseResult;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.media.transport.IceCandidate;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal WebRTC endpoint in Java, towards one of our WebRtcTransports: ICE (controlling, towards the server's
 * single UDP candidate), DTLS (client role by default) and SRTP. Used by tests and the load tool.
 *
 * <p>Usage: {@link #open}, hand {@link #localDtlsParameters()} to the server's connect call, then
 * {@link #connect()}; once its future completes, {@link #sendRtp}/{@link #sendRtcp} and the
 * {@link MediaListener} carry media. All state lives on the client socket's event-loop thread.
 */
public final class WebRtcClient implements AutoCloseable {
    private static final long TICK_MILLIS = 20;

    // Passed by argument.
    private final ClientConfig config;

    // Allocated by this.
    private final ClientSocket socket;
    private final EventLoop loop;
    private final IceControllingAgent ice;
    private final DtlsSession dtls;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    // Others (event-loop thread).
    private ScheduledFuture<?> ticker;
    private SrtpSession srtp;
    private long rtpReceived;
    private long rtcpReceived;
    private long mediaDropped;
    private volatile boolean closed;

    private WebRtcClient(ClientConfig config) {
        this.config = config;
        IceCandidate candidate = config.serverCandidates().stream()
                .filter(c -> "udp".equals(c.protocol())).findFirst().orElseThrow();
        InetSocketAddress server = new InetSocketAddress(candidate.ip(), candidate.port());
        this.socket = ClientSocket.open(config.group(), config.bindHost(), server, this::onDatagram);
        this.loop = socket.eventLoop();
        this.ice = new IceControllingAgent(config.serverIce(), bytes -> socket.send(bytes, 0, bytes.length),
                this::onIceConnected);
        this.dtls = new DtlsSession(config.certificate(), config.localRole(), config.serverDtls().fingerprints(),
                socket::send, new DtlsListener(), config.dtlsExecutor());
    }

    /** Binds the client socket; no packet is sent before {@link #connect()}. */
    public static WebRtcClient open(ClientConfig config) {
        return new WebRtcClient(config);
    }

    /** Our DTLS role and certificate fingerprint, for the server transport's connect call. */
    public DtlsParameters localDtlsParameters() {
        String role = config.localRole() == DtlsRole.CLIENT ? "client" : "server";
        return new DtlsParameters(role, List.of(config.certificate().fingerprint()));
    }

    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /** Starts ICE, then DTLS; completes when SRTP keys exist, fails when DTLS fails. */
    public CompletableFuture<Void> connect() {
        loop.execute(() -> {
            if (ticker == null && !closed) {
                ticker = loop.scheduleAtFixedRate(() -> ice.onTick(System.currentTimeMillis()), 0, TICK_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        });
        return connected;
    }

    /** Encrypts and sends one RTP packet; callable from any thread. Dropped before keys exist. */
    public void sendRtp(byte[] rtp) {
        loop.execute(() -> protectAndSend(rtp, false));
    }

    /** Encrypts and sends one (compound) RTCP packet; callable from any thread. */
    public void sendRtcp(byte[] rtcp) {
        loop.execute(() -> protectAndSend(rtcp, true));
    }

    /** Sends bytes as they are, unencrypted: lets tests and the load tool probe the server with bad datagrams. */
    public void sendRaw(byte[] datagram) {
        socket.send(datagram, 0, datagram.length);
    }

    public boolean iceConnected() { return ice.connected(); }
    public String dtlsState() { return dtls.state(); }
    public long iceChecksSent() { return ice.checksSent(); }
    public long iceSuccesses() { return ice.successes(); }
    public long rtpReceived() { return rtpReceived; }
    public long rtcpReceived() { return rtcpReceived; }
    public long mediaDropped() { return mediaDropped; }

    /** Stops ICE, sends DTLS close_notify, closes the socket. Call from outside the client's event loop. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(() -> {
            if (ticker != null) {
                ticker.cancel(false);
            }
            dtls.close();
            if (srtp != null) {
                srtp.close();
            }
        });
        socket.close();
        connected.completeExceptionally(new IllegalStateException("client closed"));
    }

    private void onIceConnected() {
        dtls.start();
    }

    private void onDatagram(PacketBuffer packet) {
        switch (PacketClassifier.classify(packet)) {
            case STUN -> {
                StunParseResult r = StunMessage.parse(packet.getBuffer(), packet.getOffset(), packet.getLength());
                if (r instanceof StunParseResult.Parsed parsed) {
                    ice.onStun(parsed.message(), System.currentTimeMillis());
                }
            }
            case DTLS -> dtls.receive(packet.getBuffer(), packet.getOffset(), packet.getLength());
            case RTP_RTCP -> unprotectAndDeliver(packet);
            default -> mediaDropped++;
        }
    }

    private void unprotectAndDeliver(PacketBuffer packet) {
        if (srtp == null || packet.getLength() < 8) {
            mediaDropped++;
            return;
        }
        if (PacketClassifier.isRtcp(packet.getUnsignedByte(1))) {
            if (srtp.unprotectRtcp(packet)) {
                rtcpReceived++;
                config.mediaListener().onRtcp(packet.toByteArray());
            } else {
                mediaDropped++;
            }
        } else if (srtp.unprotectRtp(packet)) {
            rtpReceived++;
            config.mediaListener().onRtp(packet.toByteArray());
        } else {
            mediaDropped++;
        }
    }

    private void protectAndSend(byte[] plain, boolean rtcp) {
        if (srtp == null || closed) {
            mediaDropped++;
            return;
        }
        PacketBuffer packet = new PacketBuffer().copyFrom(plain, 0, plain.length);
        boolean ok = rtcp ? srtp.protectRtcp(packet) : srtp.protectRtp(packet);
        if (ok) {
            socket.send(packet.getBuffer(), packet.getOffset(), packet.getLength());
        } else {
            mediaDropped++;
        }
    }

    /** Called on the DTLS executor: hop to the event loop. */
    private final class DtlsListener implements DtlsSession.Listener {
        @Override
        public void onConnected(SrtpSession session) {
            loop.execute(() -> {
                srtp = session;
                connected.complete(null);
            });
        }

        @Override
        public void onFailed(String reason) {
            connected.completeExceptionally(new IllegalStateException("DTLS failed: " + reason));
        }

        @Override
        public void onClosed() {
            loop.execute(() -> srtp = null);
        }
    }
}
