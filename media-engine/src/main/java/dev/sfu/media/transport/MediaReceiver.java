package dev.sfu.media.transport;

import dev.sfu.media.packet.PacketBuffer;

/**
 * Takes the decrypted media of one transport, on the media thread. The buffer is reused after the call returns.
 * The rtp layer's {@code Transport.receiveRtp/receiveRtcp} are meant to sit behind this.
 */
public interface MediaReceiver {
    void onRtp(PacketBuffer rtp);

    void onRtcp(PacketBuffer rtcp);
}
