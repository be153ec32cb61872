package dev.sfu.media.engine;

import dev.sfu.media.ortc.Ortc;
import dev.sfu.media.ortc.RtpCapabilities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One room on this node: the transports of its participants and the producers any of them can consume.
 * Media-thread confined.
 */
public final class Router {
    // passed by argument
    private final String id;
    private final RtpCapabilities rtpCapabilities;

    // others
    private final Map<String, Transport> transports = new LinkedHashMap<>();
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    private final Set<Long> usedSsrcs = new HashSet<>();
    private boolean closed;

    public Router(String id, RtpCapabilities rtpCapabilities) {
        this.id = id;
        this.rtpCapabilities = rtpCapabilities;
    }

    public String id() { return id; }
    public RtpCapabilities rtpCapabilities() { return rtpCapabilities; }
    public boolean closed() { return closed; }

    public Optional<Producer> producer(String producerId) {
        return Optional.ofNullable(producers.get(producerId));
    }

    public Collection<Producer> producers() {
        return Collections.unmodifiableCollection(producers.values());
    }

    /** False for an unknown producer or when the device cannot decode any of its codecs. */
    public boolean canConsume(String producerId, RtpCapabilities caps) {
        Producer p = producers.get(producerId);
        return p != null && !p.closed() && Ortc.canConsume(p.consumableRtpParameters(), caps);
    }

    public Collection<Transport> transports() {
        return Collections.unmodifiableCollection(transports.values());
    }

    /** Closes every transport (and so every producer and consumer). */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Transport t : new ArrayList<>(transports.values())) {
            t.close();
        }
    }

    // --- engine internals

    void addTransport(Transport t) {
        if (closed) {
            throw new IllegalStateException("router " + id + " is closed");
        }
        if (transports.putIfAbsent(t.id(), t) != null) {
            throw new IllegalArgumentException("transport id already in use: " + t.id());
        }
    }

    void onTransportClosed(Transport t) {
        transports.remove(t.id());
    }

    void addProducer(Producer p) {
        if (producers.putIfAbsent(p.id(), p) != null) {
            throw new IllegalArgumentException("producer id already in use: " + p.id());
        }
    }

    boolean hasProducer(String producerId) {
        return producers.containsKey(producerId);
    }

    void onProducerClosed(Producer p) {
        producers.remove(p.id());
    }

    /** A random non-zero SSRC not yet handed out by this router. */
    long generateSsrc() {
        while (true) {
            long ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
            if (usedSsrcs.add(ssrc)) {
                return ssrc;
            }
        }
    }
}
