package dev.sfu.cluster.media;

import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.engine.TransportStats;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.ortc.RtpCapabilities;
import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.media.transport.TransportCounters;
import dev.sfu.media.transport.WebRtcTransport;
import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.Responses.ConnectionInfo;
import dev.sfu.signaling.api.Responses.ConsumerCreated;
import dev.sfu.signaling.api.Responses.StreamInfo;
import dev.sfu.signaling.api.Responses.TransportCreated;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This member's rooms and their routers, transports, producers and consumers, indexed by id. Confined to the media
 * thread like the engine objects it holds: {@link MediaNode} calls every method inside {@code MediaEngine.submit}.
 * An object leaves the index exactly once, whichever way it closes (API call, its transport closing, its producer
 * closing, ICE/DTLS failure), and that is when the {@link Listener} hears about it.
 */
final class LocalMedia {

    /** Told on the media thread when an object closes; implementations only hand this to an actor. */
    interface Listener {
        void transportClosed(String room, String transportId, String reason);

        void producerClosed(String room, String producerId);

        void consumerClosed(String room, String consumerId, String producerId, String reason);
    }

    private record TransportEntry(String room, String direction, WebRtcTransport transport) {
    }

    private record ProducerEntry(String room, String transportId, Producer producer) {
    }

    private record ConsumerEntry(String room, String transportId, Consumer consumer) {
    }

    // passed by argument
    private final MediaEngine engine;
    private final String nodeId;
    private final Listener listener;
    private final MediaLoad load;

    // indexes over the engine's objects, owned by this
    private final Map<String, Router> routersByRoom = new HashMap<>();
    private final Map<String, TransportEntry> transports = new LinkedHashMap<>();
    private final Map<String, ProducerEntry> producers = new LinkedHashMap<>();
    private final Map<String, ConsumerEntry> consumers = new LinkedHashMap<>();

    LocalMedia(MediaEngine engine, String nodeId, Listener listener, MediaLoad load) {
        this.engine = engine;
        this.nodeId = nodeId;
        this.listener = listener;
        this.load = load;
    }

    /** The room of a transport, producer or consumer of this member; 404 when the id is unknown here. */
    String roomOf(String id) {
        if (transports.containsKey(id)) return transports.get(id).room();
        if (producers.containsKey(id)) return producers.get(id).room();
        if (consumers.containsKey(id)) return consumers.get(id).room();
        throw ApiException.notFound("unknown id '" + id + "'");
    }

    RtpCapabilities routerRtpCapabilities(String room) {
        return router(room).rtpCapabilities();
    }

    TransportCreated createTransport(String transportId, String room, String direction) {
        Router router = router(room);
        WebRtcTransport transport = engine.createWebRtcTransport(router, transportId, new TransportListener(room));
        transports.put(transportId, new TransportEntry(room, direction, transport));
        return new TransportCreated(transportId, nodeId, room, direction, transport.iceParameters(),
                transport.iceCandidates(), transport.dtlsParameters());
    }

    void connectTransport(String transportId, DtlsParameters remote) {
        try {
            transport(transportId).transport().connect(remote);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid dtlsParameters: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("transport '" + transportId + "' cannot connect: " + e.getMessage());
        }
    }

    /** Produces on a send transport; the record is what the cluster learns about the new producer. */
    ProducerRecord produce(String producerId, String transportId, MediaKind kind, RtpParameters rtpParameters) {
        TransportEntry entry = transport(transportId);
        requireDirection(entry, transportId, "send", "produce");
        Producer producer = entry.transport().produce(producerId, kind, rtpParameters, new ProducerListener(entry.room()));
        producers.put(producerId, new ProducerEntry(entry.room(), transportId, producer));
        return new ProducerRecord(producerId, nodeId, entry.room(), kind.wireName(),
                producer.consumableRtpParameters(), producer.paused(), List.of());
    }

    /** Consumes a producer of this member's router for the transport's room; the consumer starts paused. */
    ConsumerCreated consume(String consumerId, String transportId, String producerId, RtpCapabilities caps) {
        TransportEntry entry = transport(transportId);
        requireDirection(entry, transportId, "recv", "consume");
        ProducerEntry producerEntry = producers.get(producerId);
        if (producerEntry == null || !producerEntry.room().equals(entry.room())) {
            throw ApiException.notFound("unknown producer id '" + producerId + "' in room '" + entry.room() + "'");
        }
        Router router = routersByRoom.get(entry.room());
        if (!router.canConsume(producerId, caps)) {
            throw ApiException.badRequest("cannot consume producer '" + producerId
                    + "' with the given rtpCapabilities (no common codec)");
        }
        Consumer consumer = entry.transport().consume(consumerId, producerEntry.producer(), caps, true,
                new ConsumerListener(entry.room()));
        consumers.put(consumerId, new ConsumerEntry(entry.room(), transportId, consumer));
        return new ConsumerCreated(consumerId, producerId, consumer.kind().wireName(), consumer.rtpParameters(),
                consumer.type(), consumer.producerPaused(), nodeId);
    }

    void pauseConsumer(String consumerId) {
        consumer(consumerId).consumer().pause();
    }

    void resumeConsumer(String consumerId) {
        consumer(consumerId).consumer().resume();
    }

    void closeConsumer(String consumerId) {
        ConsumerEntry entry = consumer(consumerId);
        entry.consumer().close();
        consumerGone(entry.room(), entry.consumer(), "closed");
    }

    /** Pauses the producer and returns its room. */
    String pauseProducer(String producerId) {
        ProducerEntry entry = producer(producerId);
        entry.producer().pause();
        return entry.room();
    }

    /** Resumes the producer and returns its room. */
    String resumeProducer(String producerId) {
        ProducerEntry entry = producer(producerId);
        entry.producer().resume();
        return entry.room();
    }

    void closeProducer(String producerId) {
        ProducerEntry entry = producer(producerId);
        entry.producer().close();
        producerGone(entry.room(), producerId);
    }

    void closeTransport(String transportId) {
        TransportEntry entry = transport(transportId);
        entry.transport().close();
        transportGone(entry.room(), transportId, "closed");
    }

    List<ConnectionInfo> connections() {
        List<ConnectionInfo> list = new ArrayList<>();
        transports.forEach((id, entry) -> {
            WebRtcTransport t = entry.transport();
            TransportStats stats = t.stats();
            list.add(new ConnectionInfo(id, nodeId, entry.room(), entry.direction(), t.iceState(), t.dtlsState(),
                    stats.receiveBitrateBps(), stats.sendBitrateBps(),
                    stats.producers(), stats.consumers()));
        });
        return list;
    }

    /** This member's producers in {@code room} (null: all rooms), with how many local consumers each has. */
    List<StreamInfo> streams(String room) {
        Map<String, Integer> consumerCounts = new HashMap<>();
        consumers.values().forEach(c -> consumerCounts.merge(c.consumer().producerId(), 1, Integer::sum));
        List<StreamInfo> list = new ArrayList<>();
        producers.forEach((id, entry) -> {
            if (room != null && !room.equals(entry.room())) return;
            Producer p = entry.producer();
            // TODO(issue 5): pipedTo lists the members this producer is piped to.
            list.add(new StreamInfo(id, entry.room(), p.kind().wireName(), nodeId, List.of(), p.paused(),
                    consumerCounts.getOrDefault(id, 0)));
        });
        return list;
    }

    /** The engine's counters and every transport's, producer's and consumer's stats, as a JSON-ready tree. */
    Map<String, Object> stats() {
        List<Object> transportStats = new ArrayList<>();
        transports.forEach((id, entry) -> {
            WebRtcTransport t = entry.transport();
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", id);
            node.put("room", entry.room());
            node.put("direction", entry.direction());
            node.put("iceState", t.iceState());
            node.put("dtlsState", t.dtlsState());
            node.put("stats", t.stats());
            node.put("secure", secureCounters(t.counters()));
            node.put("producers", t.producers().stream().map(p -> Map.of(
                    "id", p.id(), "kind", p.kind().wireName(), "paused", p.paused(), "stats", p.stats())).toList());
            node.put("consumers", t.consumers().stream().map(c -> Map.of(
                    "id", c.id(), "producerId", c.producerId(), "kind", c.kind().wireName(), "paused", c.paused(),
                    "stats", c.stats())).toList());
            transportStats.add(node);
        });
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("node", nodeId);
        tree.put("rooms", routersByRoom.size());
        tree.put("engine", engine.stats());
        tree.put("transports", transportStats);
        return tree;
    }

    /** Writes this member's counts and bitrates into the load the node registry reads. */
    void updateLoad() {
        long in = 0;
        long out = 0;
        for (TransportEntry entry : transports.values()) {
            TransportStats stats = entry.transport().stats();
            in += stats.receiveBitrateBps();
            out += stats.sendBitrateBps();
        }
        load.update(transports.size(), producers.size(), consumers.size(), in, out);
    }

    /** The secure link's counters as a JSON-ready map (the engine's counters object has no bean accessors). */
    private static Map<String, Object> secureCounters(TransportCounters c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rtpReceived", c.rtpReceived());
        map.put("rtcpReceived", c.rtcpReceived());
        map.put("rtpSent", c.rtpSent());
        map.put("rtcpSent", c.rtcpSent());
        map.put("bytesReceived", c.bytesReceived());
        map.put("bytesSent", c.bytesSent());
        map.put("dtlsReceived", c.dtlsReceived());
        map.put("fromUnselectedAddress", c.fromUnselectedAddress());
        map.put("beforeKeys", c.beforeKeys());
        map.put("unprotectFailures", c.unprotectFailures());
        map.put("protectFailures", c.protectFailures());
        return map;
    }

    // ---- lookups

    private Router router(String room) {
        return routersByRoom.computeIfAbsent(room, engine::createRouter);
    }

    private TransportEntry transport(String transportId) {
        TransportEntry entry = transports.get(transportId);
        if (entry == null) throw ApiException.notFound("unknown transport id '" + transportId + "'");
        return entry;
    }

    private ProducerEntry producer(String producerId) {
        ProducerEntry entry = producers.get(producerId);
        if (entry == null) throw ApiException.notFound("unknown producer id '" + producerId + "'");
        return entry;
    }

    private ConsumerEntry consumer(String consumerId) {
        ConsumerEntry entry = consumers.get(consumerId);
        if (entry == null) throw ApiException.notFound("unknown consumer id '" + consumerId + "'");
        return entry;
    }

    private static void requireDirection(TransportEntry entry, String transportId, String needed, String action) {
        if (!entry.direction().equals(needed)) {
            throw ApiException.badRequest("cannot " + action + " on transport '" + transportId + "': it is a "
                    + entry.direction() + " transport, " + action + " needs a " + needed + " transport");
        }
    }

    // ---- leaving the index (each exactly once)

    private void transportGone(String room, String transportId, String reason) {
        if (transports.remove(transportId) == null) return;
        // Closing a transport closes its producers and consumers; drop any the engine did not report.
        producers.entrySet().removeIf(e -> {
            boolean gone = e.getValue().transportId().equals(transportId);
            if (gone) listener.producerClosed(room, e.getKey());
            return gone;
        });
        consumers.entrySet().removeIf(e -> {
            boolean gone = e.getValue().transportId().equals(transportId);
            if (gone) listener.consumerClosed(room, e.getKey(), e.getValue().consumer().producerId(), "transportclose");
            return gone;
        });
        listener.transportClosed(room, transportId, reason);
        closeRouterIfEmpty(room);
    }

    private void producerGone(String room, String producerId) {
        if (producers.remove(producerId) == null) return;
        listener.producerClosed(room, producerId);
    }

    private void consumerGone(String room, Consumer consumer, String reason) {
        if (consumers.remove(consumer.id()) == null) return;
        listener.consumerClosed(room, consumer.id(), consumer.producerId(), reason);
    }

    /** A room's router lives while the room has transports here; the next request creates it again. */
    private void closeRouterIfEmpty(String room) {
        boolean empty = transports.values().stream().noneMatch(t -> t.room().equals(room));
        if (!empty) return;
        Router router = routersByRoom.remove(room);
        if (router != null) router.close();
    }

    // ---- engine callbacks (media thread)

    private final class TransportListener implements WebRtcTransport.Listener {
        private final String room;

        TransportListener(String room) {
            this.room = room;
        }

        @Override
        public void onIceStateChange(WebRtcTransport transport, String state) {
        }

        @Override
        public void onDtlsStateChange(WebRtcTransport transport, String state) {
        }

        @Override
        public void onTransportClosed(WebRtcTransport transport, String reason) {
            transportGone(room, transport.id(), reason);
        }
    }

    private final class ProducerListener implements Producer.Listener {
        private final String room;

        ProducerListener(String room) {
            this.room = room;
        }

        @Override
        public void onProducerClosed(Producer producer) {
            producerGone(room, producer.id());
        }
    }

    private final class ConsumerListener implements Consumer.Listener {
        private final String room;

        ConsumerListener(String room) {
            this.room = room;
        }

        @Override
        public void onConsumerClosed(Consumer consumer, String reason) {
            consumerGone(room, consumer, reason);
        }

        @Override
        public void onProducerPaused(Consumer consumer) {
        }

        @Override
        public void onProducerResumed(Consumer consumer) {
        }
    }
}
