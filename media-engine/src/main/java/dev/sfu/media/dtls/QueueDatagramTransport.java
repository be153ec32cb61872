package dev.sfu.media.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datagram link BouncyCastle's blocking DTLS code reads and writes: incoming datagrams are queued by
 * {@link #offer} from any thread and handed out by {@link #receive} (which honours its wait), outgoing ones go
 * straight to the session's {@link DtlsSession.DatagramSender}.
 */
final class QueueDatagramTransport implements DatagramTransport {
    private static final Logger LOG = LoggerFactory.getLogger(QueueDatagramTransport.class);
    /** Enough for several handshake flights; beyond it, datagrams are dropped and BouncyCastle retransmits. */
    private static final int QUEUE_CAPACITY = 64;
    /** Larger than any datagram the media socket hands us. */
    static final int RECEIVE_LIMIT = 2048;
    private static final long IDLE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final BlockingQueue<byte[]> incoming = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final DtlsSession.DatagramSender sender;
    private final int maxDatagramSize;
    private volatile boolean closed;

    QueueDatagramTransport(DtlsSession.DatagramSender sender, int maxDatagramSize) {
        this.sender = sender;
        this.maxDatagramSize = maxDatagramSize;
    }

    /** Queues a copy of one incoming datagram; false when closed or the queue is full. */
    boolean offer(byte[] data, int offset, int length) {
        if (closed) {
            return false;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        return incoming.offer(copy);
    }

    boolean hasQueued() {
        return !incoming.isEmpty();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return maxDatagramSize;
    }

    /** Waits up to {@code waitMillis} (0 = no limit, as BouncyCastle means it) for a datagram; -1 on timeout. */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        long deadline = waitMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) : Long.MAX_VALUE;
        try {
            while (true) {
                throwIfClosed();
                long remainingNanos = waitMillis > 0 ? deadline - System.nanoTime() : Long.MAX_VALUE;
                if (remainingNanos <= 0) {
                    return -1;
                }
                // Wait in slices so that close() from another thread ends a blocked handshake promptly.
                byte[] datagram = incoming.poll(Math.min(remainingNanos, IDLE_SLICE_NANOS), TimeUnit.NANOSECONDS);
                if (datagram != null) {
                    int n = Math.min(len, datagram.length);
                    System.arraycopy(datagram, 0, buf, off, n);
                    return n;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a DTLS datagram", e);
        }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        throwIfClosed();
        try {
            sender.send(buf, off, len);
        } catch (RuntimeException e) {
            // A datagram that could not be sent is a lost datagram: BouncyCastle's retransmission covers it.
            LOG.debug("DTLS datagram not sent: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        incoming.clear();
    }

    private void throwIfClosed() throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
    }
}
