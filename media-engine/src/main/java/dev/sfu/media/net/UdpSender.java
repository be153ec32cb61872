package dev.sfu.media.net;

import java.net.InetSocketAddress;

/** Writes datagrams out of the media socket; used on the media thread only. */
public interface UdpSender {
    /** Queues a copy of the bytes for {@code to}. */
    void send(byte[] data, int offset, int length, InetSocketAddress to);

    /** Pushes queued datagrams to the kernel. */
    void flush();
}
