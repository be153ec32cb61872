package dev.sfu.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfu.media.packet.PacketBuffer;
import dev.sfu.media.stun.StunClass;
import dev.sfu.media.stun.StunMessage;
import dev.sfu.media.stun.StunMessageBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatagramDemuxerTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 6000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40001);

    private final TransportRegistry registry = new TransportRegistry();
    private final RecordingEndpoint endpoint = new RecordingEndpoint();
    private final DatagramDemuxer demuxer = new DatagramDemuxer(registry);
    private final EmbeddedChannel channel = new EmbeddedChannel(demuxer);

    @Test
    void stunGoesToTheSessionNamedByItsUsername() {
        registry.registerUfrag("localufrag", endpoint);
        byte[] stun = new StunMessageBuilder(StunMessage.METHOD_BINDING, StunClass.REQUEST,
                StunMessageBuilder.randomTransactionId()).username("localufrag:remote").build(null, true);
        ByteBuf buf = Unpooled.wrappedBuffer(stun);
        channel.writeInbound(new DatagramPacket(buf, LOCAL, STRANGER));
        assertEquals(List.of("stun from " + STRANGER), endpoint.events);
        assertEquals(0, buf.refCnt(), "datagram released");
    }

    @Test
    void dtlsAndMediaGoToTheSessionAtTheirAddressOnly() {
        registry.moveAddress(endpoint, null, PEER);
        send(new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0}, PEER);
        send(new byte[] {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2}, PEER);
        send(new byte[] {22, (byte) 0xFE, (byte) 0xFD, 0, 0}, STRANGER);
        send(new byte[] {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2}, STRANGER);
        assertEquals(List.of("dtls 5", "media 12"), endpoint.events);
        assertEquals(1, demuxer.counters().get(PacketKind.DTLS).unknownAddress());
        assertEquals(1, demuxer.counters().get(PacketKind.RTP_RTCP).unknownAddress());
    }

    @Test
    void garbageIsCountedAndDroppedAndTheChannelStaysOpen() {
        registry.moveAddress(endpoint, null, PEER);
        send(new byte[] {0x00, 0x01, 0x00}, PEER);          // truncated STUN
        send(new byte[] {(byte) 0xFF, 1, 2, 3}, PEER);      // no protocol
        send(new byte[] {(byte) 0x80, 96}, PEER);           // truncated RTP
        send(new byte[0], PEER);                            // empty
        assertEquals(1, demuxer.counters().get(PacketKind.STUN).dropped());
        assertEquals(2, demuxer.counters().get(PacketKind.UNKNOWN).dropped());
        assertEquals(1, demuxer.counters().get(PacketKind.RTP_RTCP).dropped());
        assertTrue(endpoint.events.isEmpty());
        assertTrue(channel.isOpen());
    }

    @Test
    void anEndpointThrowingDoesNotCloseTheChannel() {
        registry.moveAddress(new RecordingEndpoint() {
            @Override
            public void onDtls(PacketBuffer packet, InetSocketAddress from) {
                throw new IllegalStateException("boom");
            }
        }, null, PEER);
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {22, 1, 2});
        channel.writeInbound(new DatagramPacket(buf, LOCAL, PEER));
        assertTrue(channel.isOpen());
        assertEquals(0, buf.refCnt());
    }

    @Test
    void localUfragIsTheUsernameBeforeTheColon() {
        assertEquals("abcd", DatagramDemuxer.localUfrag("abcd:efgh"));
        assertEquals("abcd", DatagramDemuxer.localUfrag("abcd"));
    }

    private void send(byte[] bytes, InetSocketAddress from) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), LOCAL, from));
    }

    private static class RecordingEndpoint implements PacketEndpoint {
        final List<String> events = new ArrayList<>();

        @Override
        public void onStun(StunMessage message, InetSocketAddress from) {
            events.add("stun from " + from);
        }

        @Override
        public void onDtls(PacketBuffer packet, InetSocketAddress from) {
            events.add("dtls " + packet.getLength());
        }

        @Override
        public void onRtpOrRtcp(PacketBuffer packet, InetSocketAddress from) {
            events.add("media " + packet.getLength());
        }
    }
}
