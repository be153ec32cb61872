package dev.sfu.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfu.media.client.MediaListener;
import dev.sfu.media.client.WebRtcClient;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated viewer: a receive transport on one member consuming a set of producers. Counts every decrypted
 * packet from its clear RTP header (sequence gaps = loss), takes the latency from the send time in each payload,
 * recomputes the payload checksum on one packet in {@code checksumEvery}, and notes when each consumed stream
 * delivered its first packet (measured from its consume request). Packets arrive on the client's event-loop
 * thread; totals are read under this object's lock.
 */
final class Subscriber implements MediaListener, AutoCloseable {
    /** A send time further off than this is not a send time: the payload is damaged. */
    private static final long MAX_PLAUSIBLE_NANOS = 60_000_000_000L;

    /** One consumed stream. */
    private static final class Stream {
        final long ssrc;
        final long consumeStartNanos;
        final SequenceTracker sequence = new SequenceTracker();
        long firstPacketNanos = -1;

        Stream(long ssrc, long consumeStartNanos) {
            this.ssrc = ssrc;
            this.consumeStartNanos = consumeStartNanos;
        }
    }

    private final int checksumEvery;
    private final RtpView view = new RtpView();
    private final ProbeTrailer trailer = new ProbeTrailer();
    private final LatencyHistogram latency = new LatencyHistogram();
    /** Replaced, never changed, when a stream is added: the event loop reads it without the lock. */
    private volatile Stream[] streams = new Stream[0];
    private long bytes;
    private long checksumsVerified;
    private long checksumFailures;
    private long badProbes;
    private long unknownSsrc;
    private long packets;

    private WebRtcClient client;
    private SignalingClient.Transport transport;
    private ClientResources resources;
    private long joinStartNanos;
    private long connectedNanos;

    Subscriber(int checksumEvery) {
        this.checksumEvery = Math.max(1, checksumEvery);
    }

    /**
     * Creates the receive transport ({@code url}, with the optional {@code node} and {@code producerIdHint}
     * placement hints), connects it, then consumes and resumes each producer.
     */
    void join(ClientResources resources, String url, String room, String node, String producerIdHint,
              List<String> producerIds, JsonNode receiveCapabilities) throws Exception {
        this.resources = resources;
        SignalingClient signaling = resources.signaling();
        joinStartNanos = System.nanoTime();
        transport = signaling.createTransport(url, room, "recv", node, producerIdHint);
        client = resources.openClient(transport, this, false);
        resources.connect(client, transport);
        connectedNanos = System.nanoTime();
        for (String producerId : producerIds) {
            long start = System.nanoTime();
            SignalingClient.Consumer consumer = signaling.consume(transport, producerId, receiveCapabilities);
            addStream(new Stream(consumer.ssrc(), start));
            signaling.resumeConsumer(transport, consumer.id());
        }
    }

    /** The member the receive transport landed on (null before join). */
    String node() {
        return transport == null ? null : transport.node();
    }

    /** Create-transport to SRTP keys, in ms. */
    double connectMillis() {
        return (connectedNanos - joinStartNanos) / 1e6;
    }

    /** The longest time from a consume request to that stream's first packet, in ms; -1 while a stream is silent. */
    synchronized double firstPacketMillis() {
        double slowest = 0;
        for (Stream s : streams) {
            if (s.firstPacketNanos < 0) {
                return -1;
            }
            slowest = Math.max(slowest, (s.firstPacketNanos - s.consumeStartNanos) / 1e6);
        }
        return streams.length == 0 ? -1 : slowest;
    }

    int streamCount() {
        return streams.length;
    }

    synchronized ReceiveTotals totals() {
        long received = 0;
        long expected = 0;
        for (Stream s : streams) {
            received += s.sequence.received();
            expected += s.sequence.expected();
        }
        return new ReceiveTotals(received, expected, bytes, latency.copy(), checksumsVerified, checksumFailures,
                badProbes, unknownSsrc);
    }

    @Override
    public void onRtp(byte[] rtp) {
        long now = System.nanoTime();
        if (!view.wrap(rtp)) {
            synchronized (this) {
                badProbes++;
            }
            return;
        }
        Stream stream = find(view.ssrc());
        synchronized (this) {
            if (stream == null) {
                unknownSsrc++;
                return;
            }
            stream.sequence.onPacket(view.sequenceNumber());
            bytes += rtp.length;
            if (stream.firstPacketNanos < 0) {
                stream.firstPacketNanos = now;
            }
            int offset = view.payloadOffset();
            int length = view.payloadLength();
            if (!ProbeTrailer.present(rtp, offset, length)) {
                badProbes++;
                return;
            }
            long latencyNanos = now - ProbeTrailer.sendNanos(rtp, offset, length);
            if (latencyNanos < 0 || latencyNanos > MAX_PLAUSIBLE_NANOS) {
                badProbes++;
                return;
            }
            latency.record(latencyNanos / 1_000);
            if (packets++ % checksumEvery == 0) {
                if (trailer.checksumMatches(rtp, offset, length)) {
                    checksumsVerified++;
                } else {
                    checksumFailures++;
                }
            }
        }
    }

    @Override
    public void onRtcp(byte[] rtcp) {
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (transport != null) {
            try {
                resources.signaling().closeTransport(transport);
            } catch (SignalingException e) {
                // Best effort: the member may be gone.
            }
        }
    }

    private synchronized void addStream(Stream stream) {
        List<Stream> list = new ArrayList<>(List.of(streams));
        list.add(stream);
        streams = list.toArray(Stream[]::new);
    }

    private Stream find(long ssrc) {
        for (Stream s : streams) {
            if (s.ssrc == ssrc) {
                return s;
            }
        }
        return null;
    }
}
