package dev.sfu.media.net;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.stun.StunMessage;
import java.net.InetSocketAddress;

/**
 * Where the demultiplexer delivers the datagrams of one session (a WebRtcTransport). Called on the media thread;
 * the buffer is reused after the call returns, so an endpoint must copy what it keeps.
 */
public interface PacketEndpoint {
    void onStun(StunMessage message, InetSocketAddress from);

    void onDtls(PacketBuffer packet, InetSocketAddress from);

    void onRtpOrRtcp(PacketBuffer packet, InetSocketAddress from);
}
