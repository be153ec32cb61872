package dev.sfu.media.pipe;

import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.engine.Transport;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.OrtcException;
import dev.sfu.media.ortc.RtpEncodingParameters;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One room's pipe to another SFU member: plain RTP/RTCP over UDP between the two members' media ports, SRTP
 * with keys exchanged through the cluster when configured, no ICE and no DTLS (the remote address is known from
 * the start). Streams published here leave through {@link #consumePipe} (all layers, pipe SSRCs); streams
 * published there arrive through {@link #producePipe} and are consumed here like any producer. NACK/RTX, PLI/FIR
 * and SR/RR cross the pipe as on any transport. Confined to the media thread.
 */
public final class PipeTransport extends Transport {
    /** Events on the media thread; each callback takes its source first. */
    public interface Listener {
        /** A pipe consumer closed because its producer or this transport closed. */
        void onPipeConsumerClosed(PipeTransport transport, Consumer consumer, String reason);

        /** A pipe producer closed with this transport (a direct {@link Producer#close()} is not reported). */
        void onPipeProducerClosed(PipeTransport transport, Producer producer);

        void onTransportClosed(PipeTransport transport, String reason);

        /** The producer behind a pipe consumer paused: the far side should pause its pipe producer. */
        default void onPipeConsumerProducerPaused(PipeTransport transport, Consumer consumer) { }

        default void onPipeConsumerProducerResumed(PipeTransport transport, Consumer consumer) { }
    }

    // passed by argument
    private final PipePeer peer;
    private final Listener listener;

    // allocated by this
    private final SrtpSession srtp;

    // counters and state
    private long rtpPacketsReceived;
    private long rtcpPacketsReceived;
    private long bytesReceived;
    private long rtpPacketsSent;
    private long rtcpPacketsSent;
    private long bytesSent;
    private long droppedAuthFailed;
    private long droppedProtectFailed;
    private long droppedClosed;
    private boolean pipeClosed;

    /** Use {@code MediaEngine.createPipeTransport}; {@code keys} null means no SRTP on this pipe. */
    public PipeTransport(String id, Router router, PipePeer peer, PipeSrtpKeys keys, Listener listener) {
        super(id, router);
        this.peer = peer;
        this.listener = listener;
        this.srtp = keys == null ? null : keys.newSession();
        peer.attach(this);
    }

    public InetSocketAddress remoteAddress() { return peer.remote(); }
    public boolean srtpEnabled() { return srtp != null; }

    /**
     * Sends {@code producer} (of this router) to the far side. The returned consumer's
     * {@link Consumer#rtpParameters()} are what the far side passes to its {@link #producePipe}.
     */
    public Consumer consumePipe(String consumerId, Producer producer) {
        return consumePipe(consumerId, producer, true, new ConsumerEvents());
    }

    /** As {@link Transport#consumePipe}; the far side's RTCP about the pipe SSRCs is routed here. */
    @Override
    public Consumer consumePipe(String consumerId, Producer producer, boolean enableRtx, Consumer.Listener listener) {
        Consumer consumer = super.consumePipe(consumerId, producer, enableRtx, new Unrouting(listener));
        try {
            routeAll(ssrcsOf(consumer.rtpParameters()));
        } catch (IllegalArgumentException e) {
            consumer.close();
            throw e;
        }
        return consumer;
    }

    /**
     * Receives the far side's pipe consumer of {@code producerId} as a producer of this router, under the same id.
     * Local consumers consume it like any producer. Throws {@link OrtcException} on unusable parameters.
     */
    public Producer producePipe(String producerId, MediaKind kind, RtpParameters rtpParameters, boolean paused) {
        Producer producer = produce(producerId, kind, rtpParameters, p -> listener.onPipeProducerClosed(this, p));
        if (paused) {
            producer.pause();
        }
        return producer;
    }

    /** Pipe producers only: every encoding must name its SSRC (and RTX SSRC), by which its media is routed here. */
    @Override
    public Producer produce(String producerId, MediaKind kind, RtpParameters rtpParameters,
                            Producer.Listener producerListener) {
        List<Long> ssrcs = ssrcsOf(rtpParameters);
        if (ssrcs.isEmpty()) {
            throw new OrtcException("pipe rtpParameters must give every encoding an ssrc");
        }
        List<Long> routed = routeAll(ssrcs);
        try {
            return super.produce(producerId, kind, rtpParameters, p -> {
                ssrcs.forEach(s -> peer.unroute(s, this));
                producerListener.onProducerClosed(p);
            });
        } catch (RuntimeException e) {
            routed.forEach(s -> peer.unroute(s, this));
            throw e;
        }
    }

    public PipeTransportStats pipeStats() {
        return new PipeTransportStats(id(), peer.remote().toString(), srtp != null, rtpPacketsReceived,
                rtcpPacketsReceived, bytesReceived, rtpPacketsSent, rtcpPacketsSent, bytesSent, droppedAuthFailed,
                droppedProtectFailed, droppedClosed, stats(), peer.stats());
    }

    /** Closes its producers and consumers (their listeners hear of it), leaves the peer, tells the listener. */
    @Override
    public void close() {
        if (pipeClosed) {
            return;
        }
        pipeClosed = true;
        super.close();
        peer.detach(this);
        if (srtp != null) {
            srtp.close();
        }
        listener.onTransportClosed(this, "closed");
    }

    // --- the seam with Transport

    @Override
    protected void sendRtp(PacketBuffer rtp) {
        if (!protect(rtp, false)) {
            return;
        }
        rtpPacketsSent++;
        bytesSent += rtp.getLength();
        peer.send(rtp);
    }

    @Override
    protected void sendRtcp(PacketBuffer rtcp) {
        if (!protect(rtcp, true)) {
            return;
        }
        rtcpPacketsSent++;
        bytesSent += rtcp.getLength();
        peer.send(rtcp);
    }

    /** A pipe has no handshake: it carries media from creation until closed. */
    @Override
    protected boolean isConnected() {
        return !pipeClosed;
    }

    // --- called by PipePeer

    /** One datagram the peer routed here: decrypt (when SRTP is on) and hand it to the RTP layer. */
    void receiveFromPipe(PacketBuffer packet, boolean rtcp) {
        if (pipeClosed) {
            droppedClosed++;
            return;
        }
        int length = packet.getLength();
        if (srtp != null && !(rtcp ? srtp.unprotectRtcp(packet) : srtp.unprotectRtp(packet))) {
            droppedAuthFailed++;
            return;
        }
        deliver(packet, rtcp, length);
    }

    /** SRTCP whose sender is unknown: true (and delivered) when our keys authenticate it. */
    boolean tryUnprotectedRtcp(PacketBuffer copy) {
        int length = copy.getLength();
        if (pipeClosed || srtp == null || !srtp.unprotectRtcp(copy)) {
            return false;
        }
        deliver(copy, true, length);
        return true;
    }

    /** True while an open producer or consumer of this transport uses {@code ssrc} on the pipe. */
    boolean ownsSsrc(long ssrc) {
        if (pipeClosed) {
            return false;
        }
        for (Producer p : producers()) {
            if (ssrcsOf(p.rtpParameters()).contains(ssrc)) {
                return true;
            }
        }
        for (Consumer c : consumers()) {
            if (ssrcsOf(c.rtpParameters()).contains(ssrc)) {
                return true;
            }
        }
        return false;
    }

    // --- private

    private void deliver(PacketBuffer packet, boolean rtcp, int wireLength) {
        bytesReceived += wireLength;
        if (rtcp) {
            rtcpPacketsReceived++;
            receiveRtcp(packet);
        } else {
            rtpPacketsReceived++;
            receiveRtp(packet);
        }
    }

    private boolean protect(PacketBuffer packet, boolean rtcp) {
        if (pipeClosed) {
            droppedClosed++;
            return false;
        }
        if (srtp != null && !(rtcp ? srtp.protectRtcp(packet) : srtp.protectRtp(packet))) {
            droppedProtectFailed++;
            return false;
        }
        return true;
    }

    private static List<Long> ssrcsOf(RtpParameters params) {
        List<Long> ssrcs = new ArrayList<>();
        if (params == null || params.encodings() == null) {
            return ssrcs;
        }
        for (RtpEncodingParameters enc : params.encodings()) {
            if (enc.ssrc() == null) {
                return List.of();
            }
            ssrcs.add(enc.ssrc());
            if (enc.rtx() != null) {
                ssrcs.add(enc.rtx().ssrc());
            }
        }
        return ssrcs;
    }

    /** Routes each SSRC here; on a conflict, undoes what it added and throws. Returns the routes it added. */
    private List<Long> routeAll(List<Long> ssrcs) {
        List<Long> routed = new ArrayList<>();
        try {
            for (long ssrc : ssrcs) {
                if (peer.route(ssrc, this)) {
                    routed.add(ssrc);
                }
            }
        } catch (IllegalArgumentException e) {
            routed.forEach(s -> peer.unroute(s, this));
            throw e;
        }
        return routed;
    }

    /** Forgets a pipe consumer's SSRC routes when the engine closes it, then tells the caller's listener. */
    private final class Unrouting implements Consumer.Listener {
        private final Consumer.Listener next;

        Unrouting(Consumer.Listener next) {
            this.next = next;
        }

        @Override
        public void onConsumerClosed(Consumer c, String reason) {
            for (long ssrc : ssrcsOf(c.rtpParameters())) {
                peer.unroute(ssrc, PipeTransport.this);
            }
            next.onConsumerClosed(c, reason);
        }

        @Override
        public void onProducerPaused(Consumer c) {
            next.onProducerPaused(c);
        }

        @Override
        public void onProducerResumed(Consumer c) {
            next.onProducerResumed(c);
        }
    }

    private final class ConsumerEvents implements Consumer.Listener {
        @Override
        public void onConsumerClosed(Consumer c, String reason) {
            listener.onPipeConsumerClosed(PipeTransport.this, c, reason);
        }

        @Override
        public void onProducerPaused(Consumer c) {
            listener.onPipeConsumerProducerPaused(PipeTransport.this, c);
        }

        @Override
        public void onProducerResumed(Consumer c) {
            listener.onPipeConsumerProducerResumed(PipeTransport.this, c);
        }
    }
}
