package dev.sfu.media.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one UDP socket and its one event-loop thread, which is the media thread. Uses native epoll when
 * available, else NIO. Writes are batched and flushed after each read burst or task ({@link #flush()}).
 */
public final class MediaSocket implements UdpSender, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaSocket.class);

    private final EventLoopGroup group;
    private final Channel channel;
    private long datagramsSent;
    private long sendFailures;

    private MediaSocket(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * Binds {@code host:port} (port 0 picks a free one) with {@code handler} as the only inbound handler.
     *
     * @throws MediaSocketException when the port cannot be bound; the message names the address
     */
    public static MediaSocket bind(String host, int port, ChannelHandler handler) {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = epoll
                ? new EpollEventLoopGroup(1, new DefaultThreadFactory("media", true))
                : new NioEventLoopGroup(1, new DefaultThreadFactory("media", true));
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .option(ChannelOption.SO_SNDBUF, 4 * 1024 * 1024)
                .handler(handler);
        try {
            Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
            log.info("Media UDP socket bound to {} ({})", channel.localAddress(), epoll ? "epoll" : "nio");
            return new MediaSocket(group, channel);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            String why = e instanceof BindException ? "address already in use or not available" : e.toString();
            throw new MediaSocketException("Cannot bind media UDP port " + host + ":" + port + " (" + why + ")", e);
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The media thread. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Queues one datagram (copied); call on the media thread, then {@link #flush()} (done after reads/tasks). */
    @Override
    public void send(byte[] data, int offset, int length, InetSocketAddress to) {
        if (!channel.isActive()) {
            sendFailures++;
            return;
        }
        ByteBuf buf = channel.alloc().directBuffer(length);
        buf.writeBytes(data, offset, length);
        channel.write(new DatagramPacket(buf, to), channel.voidPromise());
        datagramsSent++;
    }

    @Override
    public void flush() {
        channel.flush();
    }

    public long datagramsSent() { return datagramsSent; }
    public long sendFailures() { return sendFailures; }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
