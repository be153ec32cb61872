package dev.sfu.media.transport;

import dev.sfu.media.packet.PacketBuffer;
import java.util.List;

/**
 * A WebRTC transport as mediasoup-client expects it: ICE-lite parameters and one host candidate on the node's
 * media port, DTLS parameters with role "auto", then DTLS-SRTP once {@link #connect} names the remote role and
 * fingerprint. The secure link itself is a {@link SecureMediaChannel}; this class adds the signaling view.
 *
 * <p>Once branch {@code rtp} provides {@code dev.sfu.media.engine.Transport}, this class extends it: its
 * constructor takes the Router, the channel's receiver calls {@code receiveRtp/receiveRtcp}, and
 * {@link #sendRtp}/{@link #sendRtcp}/{@link #isConnected} become the protected overrides. Until then decrypted
 * media goes to the {@link MediaReceiver} set with {@link #mediaReceiver}. Confined to the media thread.
 */
public final class WebRtcTransport {
    /** State changes, on the media thread; each callback takes its source first. */
    public interface Listener {
        void onIceStateChange(WebRtcTransport transport, String iceState);

        void onDtlsStateChange(WebRtcTransport transport, String dtlsState);

        void onTransportClosed(WebRtcTransport transport, String reason);
    }

    private final String id;
    private final List<IceCandidate> iceCandidates;
    private final DtlsParameters dtlsParameters;
    private final SecureMediaChannel channel;
    private MediaReceiver mediaReceiver = DROP;

    public WebRtcTransport(String id, MediaContext context, IceCandidate candidate, Listener listener) {
        this.id = id;
        this.iceCandidates = List.of(candidate);
        this.dtlsParameters = new DtlsParameters("auto", List.of(context.certificate().fingerprint()));
        this.channel = new SecureMediaChannel(id, context, new Forwarder(), new SecureMediaChannel.Listener() {
            @Override
            public void onIceStateChange(String state) {
                listener.onIceStateChange(WebRtcTransport.this, state);
            }

            @Override
            public void onDtlsStateChange(String state) {
                listener.onDtlsStateChange(WebRtcTransport.this, state);
            }

            @Override
            public void onClosed(String reason) {
                listener.onTransportClosed(WebRtcTransport.this, reason);
            }
        });
    }

    public String id() { return id; }
    public IceParameters iceParameters() { return channel.iceParameters(); }
    public List<IceCandidate> iceCandidates() { return iceCandidates; }
    public DtlsParameters dtlsParameters() { return dtlsParameters; }
    public String iceState() { return channel.iceState(); }
    public String dtlsState() { return channel.dtlsState(); }
    public TransportCounters counters() { return channel.counters(); }

    /**
     * Remote role "client" makes us the DTLS server, "server" the client ("auto": server); the remote certificate
     * must match one of its fingerprints.
     *
     * @throws IllegalArgumentException on a missing or invalid role or no fingerprints
     * @throws IllegalStateException when already connected or closed
     */
    public void connect(DtlsParameters remote) {
        channel.connect(remote);
    }

    /** Temporary seam until this extends the rtp layer's Transport: where decrypted RTP/RTCP goes. */
    public void mediaReceiver(MediaReceiver receiver) {
        this.mediaReceiver = receiver == null ? DROP : receiver;
    }

    /** Encrypts in place and sends to the selected address; the caller may reuse the buffer afterwards. */
    public void sendRtp(PacketBuffer rtp) {
        channel.sendRtp(rtp);
    }

    public void sendRtcp(PacketBuffer rtcp) {
        channel.sendRtcp(rtcp);
    }

    /** Media flows only when true: ICE selected an address and DTLS produced SRTP keys. */
    public boolean isConnected() {
        return channel.isConnected();
    }

    public void onTick(long nowMillis) {
        channel.onTick(nowMillis);
    }

    public void close() {
        channel.close("closed");
    }

    /** Package access for the engine and tests. */
    SecureMediaChannel channel() {
        return channel;
    }

    private final class Forwarder implements MediaReceiver {
        @Override
        public void onRtp(PacketBuffer rtp) {
            mediaReceiver.onRtp(rtp);
        }

        @Override
        public void onRtcp(PacketBuffer rtcp) {
            mediaReceiver.onRtcp(rtcp);
        }
    }

    private static final MediaReceiver DROP = new MediaReceiver() {
        @Override public void onRtp(PacketBuffer rtp) { }
        @Override public void onRtcp(PacketBuffer rtcp) { }
    };
}
