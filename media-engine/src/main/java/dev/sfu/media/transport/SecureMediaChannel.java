package dev.sfu.media.transport;

import dev.sfu.media.dtls.DtlsRole;
import dev.sfu.media.dtls.DtlsSession;
import dev.sfu.media.ice.IceLiteAgent;
import dev.sfu.media.ice.IceState;
import dev.sfu.media.net.PacketClassifier;
import dev.sfu.media.net.PacketEndpoint;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;
import dev.sfu.media.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ICE-lite + DTLS + SRTP for one peer over the shared media socket: the secure link below a WebRtcTransport.
 *
 * <p>Incoming: STUN goes to the ICE agent; DTLS and SRTP are accepted only from the ICE-selected address; SRTP and
 * SRTCP are decrypted once, in place, and handed to the {@link MediaReceiver}. Outgoing RTP/RTCP is encrypted in
 * place and sent to the selected address. DTLS runs beside this, on the handshake executor, and its outcome comes
 * back to the media thread. Confined to the media thread.
 */
public final class SecureMediaChannel implements PacketEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SecureMediaChannel.class);

    /** State changes of the link, on the media thread. */
    public interface Listener {
        void onIceStateChange(String state);

        void onDtlsStateChange(String state);

        void onClosed(String reason);
    }

    // Passed by argument.
    private final String id;
    private final MediaContext context;
    private final MediaReceiver receiver;
    private final Listener listener;

    // Allocated by this.
    private final IceLiteAgent ice;
    private final TransportCounters counters = new TransportCounters();

    // Others.
    private InetSocketAddress selectedAddress;
    private DtlsSession dtls;
    private String dtlsState = "new";
    private SrtpSession srtp;
    private boolean closed;
    private final long connectDeadlineMillis;

    public SecureMediaChannel(String id, MediaContext context, MediaReceiver receiver, Listener listener) {
        this.id = id;
        this.context = context;
        this.receiver = receiver;
        this.listener = listener;
        this.ice = IceLiteAgent.withRandomCredentials(context.consentTimeout(),
                (datagram, to) -> context.socket().send(datagram, 0, datagram.length, to), new IceListener());
        context.registry().registerUfrag(ice.localParameters().usernameFragment(), this);
        this.connectDeadlineMillis = context.clock().getAsLong() + context.connectTimeout().toMillis();
    }

    public IceParameters iceParameters() { return ice.localParameters(); }
    public String iceState() { return ice.state().wireName(); }
    public String dtlsState() { return dtlsState; }
    public Optional<InetSocketAddress> selectedAddress() { return Optional.ofNullable(selectedAddress); }
    public TransportCounters counters() { return counters; }
    public boolean isClosed() { return closed; }

    /** True once SRTP keys exist and ICE has a selected address: media can flow. */
    public boolean isConnected() {
        return !closed && srtp != null && selectedAddress != null;
    }

    /**
     * Fixes our DTLS role from the remote one and the fingerprints the remote certificate must match, then starts
     * DTLS as soon as ICE has selected an address.
     */
    public void connect(DtlsParameters remote) {
        if (closed) {
            throw new IllegalStateException("transport " + id + " is closed");
        }
        if (dtls != null) {
            throw new IllegalStateException("transport " + id + " is already connected");
        }
        if (remote == null || remote.fingerprints() == null || remote.fingerprints().isEmpty()) {
            throw new IllegalArgumentException("dtlsParameters.fingerprints is missing");
        }
        DtlsRole role = DtlsRoles.localRoleFor(remote.role());
        dtls = new DtlsSession(context.certificate(), role, List.copyOf(remote.fingerprints()),
                this::sendDtlsFromAnyThread, new DtlsListener(), context.dtlsExecutor());
        startDtlsWhenReady();
    }

    /** Encrypts {@code rtp} in place and sends it; dropped (counted) while not connected. */
    public void sendRtp(PacketBuffer rtp) {
        if (!isConnected()) {
            counters.beforeKeys++;
            return;
        }
        if (!srtp.protectRtp(rtp)) {
            counters.protectFailures++;
            return;
        }
        send(rtp);
        counters.rtpSent++;
    }

    /** Encrypts {@code rtcp} in place and sends it; dropped (counted) while not connected. */
    public void sendRtcp(PacketBuffer rtcp) {
        if (!isConnected()) {
            counters.beforeKeys++;
            return;
        }
        if (!srtp.protectRtcp(rtcp)) {
            counters.protectFailures++;
            return;
        }
        send(rtcp);
        counters.rtcpSent++;
    }

    /** Periodic work: ICE consent freshness, and closing a transport that never connected. */
    public void onTick(long nowMillis) {
        if (!closed && srtp == null && nowMillis > connectDeadlineMillis) {
            log.info("Transport {} closed: not connected within {} of its creation", id, context.connectTimeout());
            close("not connected within " + context.connectTimeout().toSeconds() + " s of its creation");
            return;
        }
        ice.onTick(nowMillis);
    }

    public void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        if (dtls != null) {
            dtls.close(); // sends close_notify when connected
        }
        if (srtp != null) {
            srtp.close();
            srtp = null;
        }
        ice.close();
        context.registry().remove(this);
        setDtlsState("closed");
        listener.onIceStateChange(ice.state().wireName());
        listener.onClosed(reason);
        log.debug("Transport {} closed: {}", id, reason);
    }

    // --- PacketEndpoint: datagrams from the demultiplexer -------------------------------------------------------

    @Override
    public void onStun(StunMessage message, InetSocketAddress from) {
        ice.handleStun(message, from, context.clock().getAsLong());
    }

    @Override
    public void onDtls(PacketBuffer packet, InetSocketAddress from) {
        if (!from.equals(selectedAddress)) {
            counters.fromUnselectedAddress++;
            return;
        }
        counters.dtlsReceived++;
        if (dtls != null) {
            dtls.receive(packet.getBuffer(), packet.getOffset(), packet.getLength());
        }
    }

    @Override
    public void onRtpOrRtcp(PacketBuffer packet, InetSocketAddress from) {
        if (!from.equals(selectedAddress)) {
            counters.fromUnselectedAddress++;
            return;
        }
        if (srtp == null) {
            counters.beforeKeys++;
            return;
        }
        counters.bytesReceived += packet.getLength();
        if (PacketClassifier.isRtcp(packet.getUnsignedByte(1))) {
            if (!srtp.unprotectRtcp(packet)) {
                counters.unprotectFailures++;
                return;
            }
            counters.rtcpReceived++;
            receiver.onRtcp(packet);
        } else {
            if (!srtp.unprotectRtp(packet)) {
                counters.unprotectFailures++;
                return;
            }
            counters.rtpReceived++;
            receiver.onRtp(packet);
        }
    }

    // --- internals ------------------------------------------------------------------------------------------------

    private void send(PacketBuffer packet) {
        counters.bytesSent += packet.getLength();
        context.socket().send(packet.getBuffer(), packet.getOffset(), packet.getLength(), selectedAddress);
    }

    private void startDtlsWhenReady() {
        if (dtls != null && selectedAddress != null && "new".equals(dtls.state())) {
            setDtlsState("connecting");
            dtls.start();
        }
    }

    /** DtlsSession writes from its handshake thread; the bytes are copied and sent from the media thread. */
    private void sendDtlsFromAnyThread(byte[] data, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        context.mediaThread().execute(() -> {
            if (selectedAddress != null) {
                context.socket().send(copy, 0, copy.length, selectedAddress);
                context.socket().flush();
            }
        });
    }

    private void setDtlsState(String next) {
        if (next.equals(dtlsState) || "closed".equals(dtlsState)) {
            return;
        }
        dtlsState = next;
        listener.onDtlsStateChange(next);
    }

    private final class IceListener implements IceLiteAgent.Listener {
        @Override
        public void onIceStateChange(IceState state) {
            if (closed) {
                return;
            }
            listener.onIceStateChange(state.wireName());
            if (state == IceState.DISCONNECTED) {
                close("ICE consent expired");
            }
        }

        @Override
        public void onSelectedAddressChange(InetSocketAddress previous, InetSocketAddress current) {
            selectedAddress = current;
            context.registry().moveAddress(SecureMediaChannel.this, previous, current);
            startDtlsWhenReady();
        }
    }

    /** Called on the handshake executor: hop back to the media thread. */
    private final class DtlsListener implements DtlsSession.Listener {
        @Override
        public void onConnected(SrtpSession session) {
            context.mediaThread().execute(() -> {
                if (closed) {
                    session.close();
                    return;
                }
                srtp = session;
                setDtlsState("connected");
            });
        }

        @Override
        public void onFailed(String reason) {
            context.mediaThread().execute(() -> {
                log.info("Transport {} DTLS failed: {}", id, reason);
                setDtlsState("failed");
            });
        }

        @Override
        public void onClosed() {
            context.mediaThread().execute(() -> {
                srtp = null;
                setDtlsState("closed");
            });
        }
    }
}
