package dev.sfu.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueDatagramTransportTest {
    private final List<byte[]> sent = new ArrayList<>();
    private final QueueDatagramTransport transport = new QueueDatagramTransport(
            (data, offset, length) -> sent.add(Arrays.copyOfRange(data, offset, offset + length)), 1200);

    @Test
    void deliversQueuedDatagramsInOrderAsCopies() throws IOException {
        byte[] first = {1, 2, 3};
        assertTrue(transport.offer(first, 0, 3));
        assertTrue(transport.offer(new byte[] {9, 4, 5, 9}, 1, 2));
        first[0] = 7;

        byte[] buf = new byte[10];
        assertEquals(3, transport.receive(buf, 0, buf.length, 100));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(buf, 3));
        assertEquals(2, transport.receive(buf, 5, 5, 100));
        assertArrayEquals(new byte[] {4, 5}, Arrays.copyOfRange(buf, 5, 7));
    }

    @Test
    void receiveReturnsMinusOneWhenNothingArrivesWithinTheWait() throws IOException {
        assertEquals(-1, transport.receive(new byte[10], 0, 10, 20));
    }

    @Test
    void receiveWakesUpForADatagramOfferedWhileWaiting() throws Exception {
        CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
            try {
                return transport.receive(new byte[10], 0, 10, 10_000);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        while (!received.isDone() && !transport.offer(new byte[] {1, 2}, 0, 2)) {
            Thread.onSpinWait();
        }
        assertEquals(2, received.get(5, TimeUnit.SECONDS));
    }

    @Test
    void closeEndsAnUnboundedWait() throws Exception {
        CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
            try {
                return transport.receive(new byte[10], 0, 10, 0);
            } catch (IOException e) {
                return -2;
            }
        });
        transport.close();
        assertEquals(-2, received.get(5, TimeUnit.SECONDS));
        assertFalse(transport.offer(new byte[1], 0, 1));
        assertThrows(IOException.class, () -> transport.send(new byte[1], 0, 1));
    }

    @Test
    void sendsThroughTheSenderAndReportsTheMtu() throws IOException {
        transport.send(new byte[] {5, 6, 7}, 1, 2);
        assertArrayEquals(new byte[] {6, 7}, sent.get(0));
        assertEquals(1200, transport.getSendLimit());
        assertTrue(transport.getReceiveLimit() >= 1500);
    }

    @Test
    void aFailingSenderIsLikeALostDatagram() throws IOException {
        QueueDatagramTransport failing = new QueueDatagramTransport((data, offset, length) -> {
            throw new IllegalStateException("channel closed");
        }, 1200);
        failing.send(new byte[3], 0, 3); // does not throw
    }

    @Test
    void dropsWhenTheQueueIsFull() {
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            if (transport.offer(new byte[1], 0, 1)) {
                accepted++;
            }
        }
        assertTrue(accepted < 1000);
    }
}
