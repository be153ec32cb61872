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

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

        /** A producer piped in from {@code home} closed here (see {@link LocalPipes} for the reasons). */
        void pipeProducerClosed(String room, String producerId, String home, String reason);

        /** This member stopped sending its producer to {@code member}. */
        void pipeConsumerClosed(String room, String producerId, String member);
    }

    private record TransportEntry(String room, String direction, WebRtcTransport transport) {
    }

    /** {@code transportId} is the pipe transport's for a producer piped in from another member. */
    private record ProducerEntry(String room, String transportId, Producer producer, boolean piped) {
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
    /** Rooms an admin created here: their routers stay while they are empty. */
    private final Set<String> createdRooms = new HashSet<>();
    private final LocalPipes pipes;

    LocalMedia(MediaEngine engine, String nodeId, Listener listener, MediaLoad load, PipeSettings pipeSettings) {
        this.engine = engine;
        this.nodeId = nodeId;
        this.listener = listener;
        this.load = load;
        this.pipes = new LocalPipes(engine, nodeId, pipeSettings.srtpProfile(), pipeSettings.mediaAddress(),
                new LocalPipes.Listener() {
                    @Override
                    public void pipeConsumerClosed(String room, String producerId, String member) {
                        listener.pipeConsumerClosed(room, producerId, member);
                    }

                    @Override
                    public void pipeProducerClosed(String room, String producerId, String home, String reason) {
                        if (producers.remove(producerId) != null) {
                            listener.pipeProducerClosed(room, producerId, home, reason);
                        }
                    }
                });
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
        producers.put(producerId, new ProducerEntry(entry.room(), transportId, producer, false));
        return new ProducerRecord(producerId, nodeId, entry.room(), kind.wireName(),
                producer.consumableRtpParameters(), producer.paused(), List.of());
    }

    /** The room of a recv transport (the check before piping a producer in for it). */
    String recvTransportRoom(String transportId) {
        TransportEntry entry = transport(transportId);
        requireDirection(entry, transportId, "recv", "consume");
        return entry.room();
    }

    /** What the cluster knows about one of this member's own producers, or null when it has none of that id. */
    ProducerRecord producerRecord(String producerId) {
        ProducerEntry entry = producers.get(producerId);
        if (entry == null || entry.piped()) return null;
        Producer p = entry.producer();
        return new ProducerRecord(producerId, nodeId, entry.room(), p.kind().wireName(), p.consumableRtpParameters(),
                p.paused(), pipes.pipedTo(producerId));
    }

    // ---- pipes: this member as the home of a producer

    /** Pipes one of this member's producers to {@code member}, whose media arrives from {@code remote}. */
    PipeOffer openPipeOut(String producerId, String member, String remoteMediaAddress) {
        InetSocketAddress remote = LocalPipes.address(remoteMediaAddress);
        ProducerEntry entry = producers.get(producerId);
        if (entry == null || entry.piped()) {
            throw ApiException.notFound("unknown producer id '" + producerId + "'");
        }
        return pipes.openOutgoing(router(entry.room()), entry.room(), entry.producer(), member, remote);
    }

    void closePipeOut(String producerId, String member) {
        pipes.closeOutgoing(producerId, member);
    }

    void closePipesTo(String member) {
        pipes.closeAllTo(member);
    }

    // ---- pipes: this member receiving another member's producer

    /** Creates the pipe producer an offer describes (or finds it); local consumers then consume it. */
    void openPipeIn(PipeOffer offer) {
        if (producers.containsKey(offer.producerId()) && !pipes.isIncoming(offer.producerId())) {
            throw ApiException.conflict("producer '" + offer.producerId() + "' is this member's own");
        }
        Producer producer = pipes.openIncoming(router(offer.room()), offer);
        producers.putIfAbsent(producer.id(), new ProducerEntry(offer.room(), offer.transportId(), producer, true));
    }

    /** Closes a piped-in producer when nothing here consumes it; true when it did. */
    boolean releasePipeInIfUnused(String producerId) {
        boolean consumed = consumers.values().stream().anyMatch(c -> c.consumer().producerId().equals(producerId));
        return !consumed && pipes.closeIncoming(producerId, LocalPipes.REASON_RELEASED);
    }

    void setPipeInPaused(String producerId, boolean paused) {
        pipes.incoming(producerId).ifPresent(p -> {
            if (paused) p.pause();
            else p.resume();
        });
    }

    void closePipeIn(String producerId) {
        pipes.closeIncoming(producerId, LocalPipes.REASON_PRODUCER_CLOSED);
    }

    void closePipesFrom(String home) {
        pipes.closeAllFrom(home, LocalPipes.REASON_HOME_GONE);
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

    // ---- rooms

    /** The rooms held here: those with WebRTC transports, and those created explicitly. */
    List<RoomSummary> rooms() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        createdRooms.forEach(room -> counts.put(room, new int[3]));
        transports.values().forEach(t -> counts.computeIfAbsent(t.room(), r -> new int[3])[0]++);
        producers.values().forEach(p -> {
            if (!p.piped()) counts.computeIfAbsent(p.room(), r -> new int[3])[1]++;
        });
        consumers.values().forEach(c -> counts.computeIfAbsent(c.room(), r -> new int[3])[2]++);
        List<RoomSummary> list = new ArrayList<>();
        counts.forEach((room, c) -> list.add(new RoomSummary(room, nodeId, c[0], c[1], c[2], createdRooms.contains(room))));
        return list;
    }

    /** Creates the room here and keeps it while empty; false when it was created here already. */
    boolean createRoom(String room) {
        router(room);
        return createdRooms.add(room);
    }

    /**
     * Closes every transport of the room here (and so its producers and consumers, each reported to the listener)
     * and its router; null when this member does not hold the room.
     */
    RoomSummary closeRoom(String room) {
        boolean held = routersByRoom.containsKey(room) || createdRooms.contains(room);
        RoomSummary before = rooms().stream().filter(r -> r.room().equals(room)).findFirst().orElse(null);
        createdRooms.remove(room);
        List<String> ids = transports.entrySet().stream()
                .filter(e -> e.getValue().room().equals(room)).map(Map.Entry::getKey).toList();
        for (String id : ids) {
            TransportEntry entry = transports.get(id);
            if (entry == null) continue;
            entry.transport().close();
            transportGone(room, id, "roomClosed");
        }
        Router router = routersByRoom.remove(room);
        if (router != null) router.close();
        if (before != null) return before;
        return held ? new RoomSummary(room, nodeId, 0, 0, 0, false) : null;
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

    /** This member's own producers in {@code room} (null: all rooms), with their local consumer counts. */
    List<StreamInfo> streams(String room) {
        Map<String, Integer> consumerCounts = consumerCounts();
        List<StreamInfo> list = new ArrayList<>();
        producers.forEach((id, entry) -> {
            if (entry.piped() || (room != null && !room.equals(entry.room()))) return;
            Producer p = entry.producer();
            list.add(new StreamInfo(id, entry.room(), p.kind().wireName(), nodeId, pipes.pipedTo(id), p.paused(),
                    consumerCounts.getOrDefault(id, 0)));
        });
        return list;
    }

    /** How many consumers here consume each producer piped in from another member (room null: all rooms). */
    Map<String, Integer> pipedInConsumers(String room) {
        Map<String, Integer> consumerCounts = consumerCounts();
        Map<String, Integer> counts = new HashMap<>();
        producers.forEach((id, entry) -> {
            if (entry.piped() && (room == null || room.equals(entry.room()))) {
                counts.put(id, consumerCounts.getOrDefault(id, 0));
            }
        });
        return counts;
    }

    private Map<String, Integer> consumerCounts() {
        Map<String, Integer> counts = new HashMap<>();
        consumers.values().forEach(c -> counts.merge(c.consumer().producerId(), 1, Integer::sum));
        return counts;
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
        tree.put("pipes", pipes.stats());
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
        if (entry == null || entry.piped()) throw ApiException.notFound("unknown producer id '" + producerId + "'");
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

    /**
     * A room's router lives while the room has transports here (or was created here explicitly); the next request
     * creates it again.
     */
    private void closeRouterIfEmpty(String room) {
        boolean empty = !createdRooms.contains(room) && transports.values().stream().noneMatch(t -> t.room().equals(room));
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
