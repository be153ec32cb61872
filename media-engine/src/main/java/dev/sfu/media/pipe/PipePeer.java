package dev.sfu.media.pipe;

import dev.sfu.media.net.PacketClassifier;
import dev.sfu.media.net.PacketEndpoint;
import dev.sfu.media.net.UdpSender;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One remote SFU's media address and the pipe transports toward it (one per room). Every member has a single
 * media port, so all rooms' pipes between two members share one 5-tuple: the demultiplexer hands this peer every
 * datagram from the address, and it picks the transport by SSRC. RTP: the packet's SSRC (known from the pipe
 * producer's parameters). RTCP: its sender SSRC when known; else, for SRTCP, the transport whose keys
 * authenticate it (the sender is then remembered); for plain RTCP, a transport owning one of the SSRCs it
 * refers to. Confined to the media thread.
 */
public final class PipePeer implements PacketEndpoint {
    /** Bounds remembered RTCP senders so forged ones cannot grow memory. */
    private static final int MAX_LEARNED_SENDERS = 4096;

    // passed by argument
    private final InetSocketAddress remote;
    private final UdpSender socket;

    // allocated by this
    private final List<PipeTransport> transports = new ArrayList<>();
    private final Map<Long, PipeTransport> bySsrc = new HashMap<>();
    private final Map<Long, PipeTransport> byRtcpSender = new HashMap<>();
    private final RtcpSsrcs rtcpSsrcs = new RtcpSsrcs();
    private final long[] referencedSsrcs = new long[64];
    private final PacketBuffer trial = new PacketBuffer();

    // counters
    private long datagramsReceived;
    private long droppedMalformed;
    private long droppedUnknownSsrc;
    private long droppedUnroutableRtcp;
    private long droppedNotMedia;

    public PipePeer(InetSocketAddress remote, UdpSender socket) {
        this.remote = remote;
        this.socket = socket;
    }

    public InetSocketAddress remote() { return remote; }
    public boolean isEmpty() { return transports.isEmpty(); }

    public PipePeerStats stats() {
        return new PipePeerStats(remote.toString(), transports.size(), datagramsReceived, droppedMalformed,
                droppedUnknownSsrc, droppedUnroutableRtcp, droppedNotMedia);
    }

    // --- PacketEndpoint

    @Override
    public void onStun(StunMessage message, InetSocketAddress from) {
        droppedNotMedia++;
    }

    @Override
    public void onDtls(PacketBuffer packet, InetSocketAddress from) {
        droppedNotMedia++;
    }

    @Override
    public void onRtpOrRtcp(PacketBuffer packet, InetSocketAddress from) {
        datagramsReceived++;
        if (packet.getLength() < 12) {
            droppedMalformed++;
            return;
        }
        if (PacketClassifier.isRtcp(packet.getUnsignedByte(1))) {
            onRtcp(packet);
        } else {
            onRtp(packet);
        }
    }

    // --- called by PipeTransport

    void attach(PipeTransport transport) {
        transports.add(transport);
    }

    void detach(PipeTransport transport) {
        transports.remove(transport);
        bySsrc.values().removeIf(t -> t == transport);
        byRtcpSender.values().removeIf(t -> t == transport);
    }

    /**
     * Routes media and RTCP about {@code ssrc} to {@code transport}; an SSRC belongs to one transport. An entry
     * left by a producer or consumer closed directly (whose listener is not told) is taken over. Returns true
     * when the route is new.
     */
    boolean route(long ssrc, PipeTransport transport) {
        PipeTransport previous = bySsrc.get(ssrc);
        if (previous == transport) {
            return false;
        }
        if (previous != null && previous.ownsSsrc(ssrc)) {
            throw new IllegalArgumentException("ssrc " + ssrc + " is already piped by transport " + previous.id());
        }
        bySsrc.put(ssrc, transport);
        return true;
    }

    void unroute(long ssrc, PipeTransport transport) {
        bySsrc.remove(ssrc, transport);
    }

    void send(PacketBuffer packet) {
        socket.send(packet.getBuffer(), packet.getOffset(), packet.getLength(), remote);
    }

    // --- private

    private void onRtp(PacketBuffer packet) {
        PipeTransport transport = bySsrc.get(packet.getUnsignedInt(8));
        if (transport == null) {
            droppedUnknownSsrc++;
            return;
        }
        transport.receiveFromPipe(packet, false);
    }

    private void onRtcp(PacketBuffer packet) {
        long sender = packet.getUnsignedInt(4);
        PipeTransport transport = bySsrc.get(sender);
        if (transport == null) {
            transport = byRtcpSender.get(sender);
        }
        if (transport != null) {
            transport.receiveFromPipe(packet, true);
            return;
        }
        for (PipeTransport candidate : transports) {
            if (candidate.srtpEnabled()) {
                trial.copyFrom(packet);
                if (candidate.tryUnprotectedRtcp(trial)) {
                    if (byRtcpSender.size() >= MAX_LEARNED_SENDERS) {
                        byRtcpSender.clear();
                    }
                    byRtcpSender.put(sender, candidate);
                    return;
                }
            }
        }
        if (transports.stream().allMatch(PipeTransport::srtpEnabled)) {
            droppedUnroutableRtcp++;
            return;
        }
        int n = rtcpSsrcs.collect(packet, referencedSsrcs);
        if (n < 0) {
            droppedMalformed++;
            return;
        }
        for (int i = 0; i < n; i++) {
            PipeTransport owner = bySsrc.get(referencedSsrcs[i]);
            if (owner != null && !owner.srtpEnabled()) {
                owner.receiveFromPipe(packet, true);
                return;
            }
        }
        droppedUnroutableRtcp++;
    }
}
