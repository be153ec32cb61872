package dev.sfu.cluster.media;

import dev.sfu.media.engine.Router;
import dev.sfu.media.engine.Transport;
import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.transport.MediaReceiver;
import dev.sfu.media.transport.WebRtcTransport;

/**
 * Joins a {@link WebRtcTransport} (ICE-lite, DTLS, SRTP) to a router's RTP layer: decrypted media goes up into
 * {@link Transport#receiveRtp}/{@link Transport#receiveRtcp}, and what the RTP layer sends goes down to be
 * encrypted. Media-thread confined.
 *
 * <p>Interim glue: CONTEXT.md has {@code WebRtcTransport extends Transport} and
 * {@code MediaEngine.createWebRtcTransport(router, id, listener)}. When the engine does that itself, this class
 * goes and {@link LocalMedia} holds the WebRtcTransport alone.
 */
final class WebRtcMediaTransport extends Transport {
    private final WebRtcTransport secure;

    WebRtcMediaTransport(WebRtcTransport secure, Router router) {
        super(secure.id(), router);
        this.secure = secure;
        secure.mediaReceiver(new MediaReceiver() {
            @Override
            public void onRtp(PacketBuffer rtp) {
                receiveRtp(rtp);
            }

            @Override
            public void onRtcp(PacketBuffer rtcp) {
                receiveRtcp(rtcp);
            }
        });
    }

    WebRtcTransport secure() {
        return secure;
    }

    @Override
    protected void sendRtp(PacketBuffer rtp) {
        secure.sendRtp(rtp);
    }

    @Override
    protected void sendRtcp(PacketBuffer rtcp) {
        secure.sendRtcp(rtcp);
    }

    @Override
    protected boolean isConnected() {
        return secure.isConnected();
    }
}
