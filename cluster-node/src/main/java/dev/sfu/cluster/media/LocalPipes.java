package dev.sfu.cluster.media;

import dev.sfu.media.engine.Consumer;
import dev.sfu.media.engine.MediaEngine;
import dev.sfu.media.engine.Producer;
import dev.sfu.media.engine.Router;
import dev.sfu.media.ortc.MediaKind;
import dev.sfu.media.pipe.PipeSrtpKeys;
import dev.sfu.media.pipe.PipeTransport;
import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.signaling.api.ApiException;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This member's pipe transports, confined to the media thread like {@link LocalMedia} which owns it.
 *
 * <p>A pipe transport carries one room's streams in one direction between two members: an <em>outgoing</em> one
 * (this member is the home) holds one pipe consumer per producer sent to that member, an <em>incoming</em> one
 * (created from a {@link PipeOffer}, same id as the home's end) holds the pipe producers received from it. One
 * direction per transport means only the home ever makes a transport's id and SRTP keys, so two members piping
 * to each other at once cannot disagree. A transport closes with its last consumer or producer.
 */
final class LocalPipes {

    /** Told on the media thread; implementations only hand this to an actor. */
    interface Listener {
        void pipeConsumerClosed(String room, String producerId, String member);

        /** A piped-in producer closed; {@code reason} says why (see the REASON_ constants). */
        void pipeProducerClosed(String room, String producerId, String home, String reason);
    }

    /** This member let go of a piped-in producer nobody consumed. */
    static final String REASON_RELEASED = "released";
    /** The producer closed at its home. */
    static final String REASON_PRODUCER_CLOSED = "producer closed";
    /** The producer's home member left the cluster. */
    static final String REASON_HOME_GONE = "home member gone";
    /** Its pipe transport closed with the room's router. */
    static final String REASON_TRANSPORT_CLOSED = "pipe transport closed";

    private record OutgoingKey(String room, String member) {
    }

    private static final class Outgoing {
        final String room;
        final String member;
        final PipeTransport transport;
        final PipeSrtpKeys remoteKeys;
        final Map<String, Consumer> consumersByProducer = new LinkedHashMap<>();

        Outgoing(String room, String member, PipeTransport transport, PipeSrtpKeys remoteKeys) {
            this.room = room;
            this.member = member;
            this.transport = transport;
            this.remoteKeys = remoteKeys;
        }
    }

    private static final class Incoming {
        final String room;
        final String home;
        final PipeTransport transport;
        final Map<String, Producer> producers = new LinkedHashMap<>();

        Incoming(String room, String home, PipeTransport transport) {
            this.room = room;
            this.home = home;
            this.transport = transport;
        }
    }

    // passed by argument
    private final MediaEngine engine;
    private final String nodeId;
    private final SrtpProfile srtpProfile;
    private final String mediaAddress;
    private final Listener listener;

    // owned by this
    private final Map<OutgoingKey, Outgoing> outgoing = new LinkedHashMap<>();
    private final Map<String, Incoming> incomingByTransport = new LinkedHashMap<>();
    private final Map<String, Incoming> incomingByProducer = new HashMap<>();
    /** Why we are closing a piped-in producer ourselves; anything else closing it is the transport closing. */
    private final Map<String, String> closeReasons = new HashMap<>();

    LocalPipes(MediaEngine engine, String nodeId, SrtpProfile srtpProfile, String mediaAddress, Listener listener) {
        this.engine = engine;
        this.nodeId = nodeId;
        this.srtpProfile = srtpProfile;
        this.mediaAddress = mediaAddress;
        this.listener = listener;
    }

    // ---- the home's side

    /** Sends {@code producer} to {@code member} (reusing the room's transport and the pipe if they exist). */
    PipeOffer openOutgoing(Router router, String room, Producer producer, String member, InetSocketAddress remote) {
        OutgoingKey key = new OutgoingKey(room, member);
        Outgoing out = outgoing.get(key);
        if (out != null && !out.transport.remoteAddress().equals(remote)) {
            // the member came back at another address: its old end is gone
            out.transport.close();
            out = null;
        }
        if (out == null) {
            PipeSrtpKeys keys = srtpProfile == null ? null : PipeSrtpKeys.generate(srtpProfile);
            PipeTransport transport = engine.createPipeTransport(router, MediaIds.newId(nodeId), remote, keys,
                    new OutgoingEvents(key));
            out = new Outgoing(room, member, transport, keys == null ? null : keys.mirrored());
            outgoing.put(key, out);
        }
        Consumer consumer = out.consumersByProducer.get(producer.id());
        if (consumer == null) {
            consumer = out.transport.consumePipe(MediaIds.newId(nodeId), producer);
            out.consumersByProducer.put(producer.id(), consumer);
        }
        return new PipeOffer(producer.id(), room, producer.kind().wireName(), consumer.rtpParameters(),
                producer.paused(), out.transport.id(), nodeId, mediaAddress, out.remoteKeys);
    }

    /** Stops sending {@code producerId} to {@code member}; unknown pipes are ignored. */
    void closeOutgoing(String producerId, String member) {
        for (Outgoing out : List.copyOf(outgoing.values())) {
            if (!out.member.equals(member)) continue;
            Consumer consumer = out.consumersByProducer.remove(producerId);
            if (consumer == null) continue;
            consumer.close(); // closing it ourselves: its listener does not hear of it
            listener.pipeConsumerClosed(out.room, producerId, out.member);
            if (out.consumersByProducer.isEmpty()) out.transport.close();
        }
    }

    /** Closes every pipe toward {@code member}. */
    void closeAllTo(String member) {
        for (Outgoing out : List.copyOf(outgoing.values())) {
            if (out.member.equals(member)) out.transport.close();
        }
    }

    /** The members {@code producerId} is piped to. */
    List<String> pipedTo(String producerId) {
        List<String> members = new ArrayList<>();
        for (Outgoing out : outgoing.values()) {
            if (out.consumersByProducer.containsKey(producerId)) members.add(out.member);
        }
        return members;
    }

    // ---- the receiving side

    /** Receives the offered producer (reusing the incoming transport and the producer if they exist). */
    Producer openIncoming(Router router, PipeOffer offer) {
        Incoming in = incomingByTransport.get(offer.transportId());
        if (in == null) {
            PipeTransport transport = engine.createPipeTransport(router, offer.transportId(),
                    address(offer.homeMediaAddress()), offer.keys(), new IncomingEvents());
            in = new Incoming(offer.room(), offer.homeNode(), transport);
            incomingByTransport.put(transport.id(), in);
        }
        Producer existing = in.producers.get(offer.producerId());
        if (existing != null) return existing;
        Producer producer = in.transport.producePipe(offer.producerId(), MediaKind.fromWire(offer.kind()),
                offer.rtpParameters(), offer.paused());
        in.producers.put(producer.id(), producer);
        incomingByProducer.put(producer.id(), in);
        return producer;
    }

    boolean isIncoming(String producerId) {
        return incomingByProducer.containsKey(producerId);
    }

    Optional<Producer> incoming(String producerId) {
        Incoming in = incomingByProducer.get(producerId);
        return in == null ? Optional.empty() : Optional.ofNullable(in.producers.get(producerId));
    }

    /** Closes a piped-in producer for {@code reason}; false when there is none. */
    boolean closeIncoming(String producerId, String reason) {
        Incoming in = incomingByProducer.remove(producerId);
        if (in == null) return false;
        Producer producer = in.producers.remove(producerId);
        if (producer == null) return false;
        producer.close(); // closing it ourselves: the transport does not report it
        listener.pipeProducerClosed(in.room, producerId, in.home, reason);
        if (in.producers.isEmpty()) in.transport.close();
        return true;
    }

    /** Closes every producer piped in from {@code home}. */
    void closeAllFrom(String home, String reason) {
        for (Incoming in : List.copyOf(incomingByTransport.values())) {
            if (!in.home.equals(home)) continue;
            in.producers.keySet().forEach(id -> closeReasons.put(id, reason));
            in.transport.close();
        }
    }

    // ---- listings

    /** The pipe transports with what the engine says they carry, as a JSON-ready tree. */
    Map<String, Object> stats() {
        List<Object> out = new ArrayList<>();
        outgoing.values().forEach(o -> out.add(Map.of("transportId", o.transport.id(), "room", o.room,
                "member", o.member, "producers", List.copyOf(o.consumersByProducer.keySet()),
                "pipeConsumers", o.transport.consumers().size(), "stats", o.transport.pipeStats())));
        List<Object> in = new ArrayList<>();
        incomingByTransport.values().forEach(i -> in.add(Map.of("transportId", i.transport.id(), "room", i.room,
                "home", i.home, "producers", i.transport.producers().stream()
                        .map(p -> Map.of("id", p.id(), "paused", p.paused())).toList(),
                "pipeProducers", i.transport.producers().size(), "stats", i.transport.pipeStats())));
        return Map.of("outgoing", out, "incoming", in);
    }

    /** "ip:port" as a socket address; a 400 when it is not one. */
    static InetSocketAddress address(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0) throw ApiException.badRequest("invalid media address '" + hostPort + "'");
        try {
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid media address '" + hostPort + "'");
        }
    }

    // ---- engine callbacks (media thread)

    private final class OutgoingEvents implements PipeTransport.Listener {
        private final OutgoingKey key;

        OutgoingEvents(OutgoingKey key) {
            this.key = key;
        }

        @Override
        public void onPipeConsumerClosed(PipeTransport transport, Consumer consumer, String reason) {
            Outgoing out = outgoing.get(key);
            if (out == null || out.transport != transport) return;
            if (out.consumersByProducer.remove(consumer.producerId(), consumer)) {
                listener.pipeConsumerClosed(out.room, consumer.producerId(), out.member);
            }
            if (out.consumersByProducer.isEmpty()) transport.close();
        }

        @Override
        public void onPipeProducerClosed(PipeTransport transport, Producer producer) {
        }

        @Override
        public void onTransportClosed(PipeTransport transport, String reason) {
            Outgoing out = outgoing.get(key);
            if (out == null || out.transport != transport) return;
            outgoing.remove(key);
            out.consumersByProducer.keySet().forEach(id -> listener.pipeConsumerClosed(out.room, id, out.member));
        }
    }

    private final class IncomingEvents implements PipeTransport.Listener {
        @Override
        public void onPipeConsumerClosed(PipeTransport transport, Consumer consumer, String reason) {
        }

        @Override
        public void onPipeProducerClosed(PipeTransport transport, Producer producer) {
            Incoming in = incomingByTransport.get(transport.id());
            if (in == null || in.transport != transport) return;
            if (in.producers.remove(producer.id(), producer)) {
                incomingByProducer.remove(producer.id(), in);
                String reason = closeReasons.remove(producer.id());
                listener.pipeProducerClosed(in.room, producer.id(), in.home,
                        reason == null ? REASON_TRANSPORT_CLOSED : reason);
            }
            if (in.producers.isEmpty()) transport.close();
        }

        @Override
        public void onTransportClosed(PipeTransport transport, String reason) {
            Incoming in = incomingByTransport.remove(transport.id());
            if (in == null) return;
            for (String id : List.copyOf(in.producers.keySet())) {
                incomingByProducer.remove(id, in);
                String why = closeReasons.remove(id);
                listener.pipeProducerClosed(in.room, id, in.home, why == null ? REASON_TRANSPORT_CLOSED : why);
            }
            in.producers.clear();
        }
    }
}
