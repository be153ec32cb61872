package dev.sfu.media.pipe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real UDP hop between two engines for tests: both engines pipe to the relay's address, which forwards what one
 * sends to the other, can drop datagrams A sends (lossy link) and can inject datagrams toward A (garbage from A's
 * peer address).
 */
final class UdpRelay implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private volatile InetSocketAddress a;
    private volatile InetSocketAddress b;
    private volatile Predicate<byte[]> dropFromA = p -> false;
    private final AtomicInteger dropped = new AtomicInteger();

    UdpRelay() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        thread = new Thread(this::run, "udp-relay");
        thread.setDaemon(true);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void start(InetSocketAddress a, InetSocketAddress b) {
        this.a = a;
        this.b = b;
        thread.start();
    }

    /** Datagrams from A matching {@code drop} are not forwarded to B. */
    void dropFromA(Predicate<byte[]> drop) {
        this.dropFromA = drop;
    }

    int dropped() {
        return dropped.get();
    }

    /** Sends {@code datagram} to A from the relay's address (A's peer address). */
    void injectToA(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, a));
    }

    @Override
    public void close() {
        socket.close();
    }

    private void run() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                byte[] data = Arrays.copyOf(in.getData(), in.getLength());
                boolean fromA = in.getSocketAddress().equals(a);
                if (fromA && dropFromA.test(data)) {
                    dropped.incrementAndGet();
                    continue;
                }
                socket.send(new DatagramPacket(data, data.length, fromA ? b : a));
            } catch (IOException e) {
                return; // closed
            }
        }
    }
}
