package dev.sfu.media.client;

import dev.sfu.media.packet.PacketBuffer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's own UDP socket, talking to one server address. Runs on an event loop of the given group, so many
 * clients (the load tool) can share a few threads. Received datagrams are copied into a reused buffer.
 */
final class ClientSocket {
    private static final Logger log = LoggerFactory.getLogger(ClientSocket.class);

    private final Channel channel;
    private final InetSocketAddress server;

    private ClientSocket(Channel channel, InetSocketAddress server) {
        this.channel = channel;
        this.server = server;
    }

    static ClientSocket open(EventLoopGroup group, String bindHost, InetSocketAddress server,
                             Consumer<PacketBuffer> receiver) {
        PacketBuffer packet = new PacketBuffer();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        DatagramPacket datagram = (DatagramPacket) msg;
                        try {
                            if (!server.equals(datagram.sender())) {
                                return; // only the server may talk to us
                            }
                            ByteBuf content = datagram.content();
                            int length = content.readableBytes();
                            if (packet.getBuffer().length < length) {
                                packet.copyFrom(new byte[length], 0, length); // grow once
                            }
                            content.getBytes(content.readerIndex(), packet.getBuffer(), 0, length);
                            packet.setOffset(0);
                            packet.setLength(length);
                            receiver.accept(packet);
                        } finally {
                            datagram.release();
                        }
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        log.warn("Client socket error (kept open)", cause);
                    }
                })
                .bind(bindHost, 0).syncUninterruptibly().channel();
        return new ClientSocket(channel, server);
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Sends a copy of the bytes to the server; callable from any thread. */
    void send(byte[] data, int offset, int length) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(data, offset, length), server),
                channel.voidPromise());
    }

    void close() {
        channel.close().syncUninterruptibly();
    }
}
