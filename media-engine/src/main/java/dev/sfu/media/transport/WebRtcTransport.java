package dev.sfu.media.transport;

import dev.sfu.media.engine.Router;
import dev.sfu.media.engine.Transport;
import dev.sfu.media.packet.PacketBuffer;
import java.util.List;

/**
 * A WebRTC transport as mediasoup-client expects it: ICE-lite parameters and one host candidate on the node's
 * media port, DTLS parameters with role "auto", then DTLS-SRTP once {@link #connect} names the remote role and
 * fingerprint. The secure link is a {@link SecureMediaChannel}; its decrypted media goes up into
 * {@link Transport} (producers, consumers, RTCP) and what {@link Transport} sends goes down through it.
 * Confined to the media thread.
 */
public final class WebRtcTransport extends Transport {
    /** State changes, on the media thread; each callback takes its source first. */
    public interface Listener {
        void onIceStateChange(WebRtcTransport transport, String iceState);

        void onDtlsStateChange(WebRtcTransport transport, String dtlsState);

        void onTransportClosed(WebRtcTransport transport, String reason);
    }

    private final List<IceCandidate> iceCandidates;
    private final DtlsParameters dtlsParameters;
    private final Listener listener;
    private final SecureMediaChannel channel;

    public WebRtcTransport(String id, Router router, MediaContext context, IceCandidate candidate,
                           Listener listener) {
        super(id, router);
        this.iceCandidates = List.of(candidate);
        this.dtlsParameters = new DtlsParameters("auto", List.of(context.certificate().fingerprint()));
        this.listener = listener;
        this.channel = new SecureMediaChannel(id, context, new Upward(), new ChannelListener());
    }

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

    @Override
    public void onTick(long nowMillis) {
        channel.onTick(nowMillis);
        super.onTick(nowMillis);
    }

    /** Closes the secure link, then producers and consumers; the listener hears "closed". */
    @Override
    public void close() {
        channel.close("closed");
    }

    // --- the seam with Transport: encrypt in place and send to the ICE-selected address

    @Override
    protected void sendRtp(PacketBuffer rtp) {
        channel.sendRtp(rtp);
    }

    @Override
    protected void sendRtcp(PacketBuffer rtcp) {
        channel.sendRtcp(rtcp);
    }

    @Override
    protected boolean isConnected() {
        return channel.isConnected();
    }

    private void onChannelClosed(String reason) {
        super.close();
        listener.onTransportClosed(this, reason);
    }

    /** Decrypted media from the channel into the RTP layer. */
    private final class Upward implements MediaReceiver {
        @Override
        public void onRtp(PacketBuffer rtp) {
            receiveRtp(rtp);
        }

        @Override
        public void onRtcp(PacketBuffer rtcp) {
            receiveRtcp(rtcp);
        }
    }

    private final class ChannelListener implements SecureMediaChannel.Listener {
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
            onChannelClosed(reason);
        }
    }
}
