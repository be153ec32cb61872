package dev.sfu.media.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Two real UDP sockets on 127.0.0.1 wired to each other, each with a small pump thread that hands every datagram
 * it receives to its side's receiver. A drop rule per side can discard outgoing datagrams (by their index) to
 * simulate loss.
 */
final class UdpLoopbackLink implements AutoCloseable {
    interface Receiver {
        void receive(byte[] data, int offset, int length);
    }

    /** Decides whether an outgoing datagram is lost; {@code index} counts this end's datagrams from 0. */
    interface DropRule {
        boolean drop(int index, byte[] data, int offset, int length);
    }

    final End a;
    final End b;

    UdpLoopbackLink() throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        a = new End("a", new DatagramSocket(new InetSocketAddress(loopback, 0)));
        b = new End("b", new DatagramSocket(new InetSocketAddress(loopback, 0)));
        a.peer = b;
        b.peer = a;
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }

    static final class End {
        private final String name;
        private final DatagramSocket socket;
        private final AtomicInteger sentCount = new AtomicInteger();
        private volatile End peer;
        private volatile DropRule dropOutgoing = (index, data, offset, length) -> false;
        private volatile Thread pump;

        private End(String name, DatagramSocket socket) {
            this.name = name;
            this.socket = socket;
        }

        /** Drops the outgoing datagrams whose index (0-based, in send order) matches. */
        void dropOutgoing(IntPredicate rule) {
            this.dropOutgoing = (index, data, offset, length) -> rule.test(index);
        }

        /** Drops the outgoing datagrams the rule picks. */
        void dropOutgoing(DropRule rule) {
            this.dropOutgoing = rule;
        }

        /** Sends one datagram to the other end unless the drop rule says otherwise. */
        void send(byte[] data, int offset, int length) {
            int index = sentCount.getAndIncrement();
            if (dropOutgoing.drop(index, data, offset, length)) {
                return;
            }
            try {
                socket.send(new DatagramPacket(data, offset, length, peer.socket.getLocalSocketAddress()));
            } catch (IOException e) {
                // like a lost datagram
            }
        }

        /** Starts pumping received datagrams into the receiver. */
        void start(Receiver receiver) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[2048];
                while (!socket.isClosed()) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (IOException e) {
                        return;
                    }
                    receiver.receive(packet.getData(), packet.getOffset(), packet.getLength());
                }
            }, "udp-pump-" + name);
            thread.setDaemon(true);
            pump = thread;
            thread.start();
        }

        private void close() {
            socket.close();
            Thread thread = pump;
            if (thread != null) {
                try {
                    thread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
