package dev.sfu.bench;

import dev.sfu.media.engine.Router;
import dev.sfu.media.engine.Transport;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.srtp.SrtpSession;

/**
 * A real {@link Transport} whose secure link is a real {@link SrtpSession} and whose socket is a
 * {@link PacketSink}: what WebRtcTransport's channel does with media once ICE and DTLS are up, minus the
 * socket write (the load tool measures that). Always "connected".
 */
final class DiscardingTransport extends Transport {
    private final SrtpSession srtp;
    private final PacketSink rtpSink;
    private final PacketSink rtcpSink = new PacketSink();

    DiscardingTransport(String id, Router router, SrtpSession srtp, PacketSink rtpSink) {
        super(id, router);
        this.srtp = srtp;
        this.rtpSink = rtpSink;
    }

    /** One SRTP datagram from the selected address: decrypt in place, then into the RTP layer. */
    boolean receiveSrtp(PacketBuffer packet) {
        if (!srtp.unprotectRtp(packet)) {
            return false;
        }
        receiveRtp(packet);
        return true;
    }

    SrtpSession srtp() { return srtp; }

    @Override
    protected void sendRtp(PacketBuffer rtp) {
        if (srtp.protectRtp(rtp)) {
            rtpSink.accept(rtp);
        } else {
            rtpSink.fail();
        }
    }

    @Override
    protected void sendRtcp(PacketBuffer rtcp) {
        if (srtp.protectRtcp(rtcp)) {
            rtcpSink.accept(rtcp);
        } else {
            rtcpSink.fail();
        }
    }

    @Override
    protected boolean isConnected() {
        return true;
    }
}
