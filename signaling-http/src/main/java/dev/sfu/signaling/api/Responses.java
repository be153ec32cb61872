package dev.sfu.signaling.api;

import dev.sfu.media.ortc.RtpParameters;
import dev.sfu.media.transport.DtlsParameters;
import dev.sfu.media.transport.IceCandidate;
import dev.sfu.media.transport.IceParameters;

import java.util.List;

/** The JSON response bodies of the signaling API; extra fields beyond the contract are allowed. */
public final class Responses {
    private Responses() {
    }

    public record TransportCreated(String id, String node, String room, String direction, IceParameters iceParameters,
                                   List<IceCandidate> iceCandidates, DtlsParameters dtlsParameters) {
    }

    public record ProducerCreated(String id, String node) {
    }

    /** {@code type} is "simple", "simulcast" or "svc" as in mediasoup; the consumer starts paused. */
    public record ConsumerCreated(String id, String producerId, String kind, RtpParameters rtpParameters, String type,
                                  boolean producerPaused, String node) {
    }

    /**
     * A producer as {@code GET /api/streams} lists it: its home member and the members it is piped to.
     * {@code streamKey} is the publisher's own name for "the same stream" across producers (from the produce
     * {@code appData.streamKey}; null when none was given): a publisher that publishes again after its member died
     * keeps the key, so viewers find the new producer.
     */
    public record StreamInfo(String producerId, String room, String kind, String node, List<String> pipedTo,
                             boolean paused, int consumers, String streamKey) {

        /** A stream without a stream key. */
        public StreamInfo(String producerId, String room, String kind, String node, List<String> pipedTo,
                          boolean paused, int consumers) {
            this(producerId, room, kind, node, pipedTo, paused, consumers, null);
        }

        public StreamInfo withStreamKey(String key) {
            return new StreamInfo(producerId, room, kind, node, pipedTo, paused, consumers, key);
        }
    }

    /** A transport as {@code GET /api/connections} lists it. */
    public record ConnectionInfo(String id, String node, String room, String direction, String iceState,
                                 String dtlsState, long bitrateIn, long bitrateOut, int producers, int consumers) {
    }

    /** The answer to {@code POST /api/drain}: the member and its draining flag now. */
    public record DrainState(String node, boolean draining) {
    }

    /**
     * This member's view of the cluster membership ({@code GET /api/cluster-members}), shaped like Pekko
     * Management's {@code /cluster/members}: node addresses, leader and oldest member, unreachable members.
     */
    public record ClusterMembers(String selfNode, String leader, String oldest, List<Member> members,
                                 List<Unreachable> unreachable) {
    }

    public record Member(String node, String nodeUid, String status, List<String> roles) {
    }

    /** A member some member cannot reach, with its member status (e.g. "Up" until it is downed). */
    public record Unreachable(String node, String status) {
    }

    /**
     * A room as {@code GET /api/rooms} lists it, summed over the cluster: its WebRTC transports, the producers
     * published in it (piped copies are not counted again) and its consumers, and the members it lives on.
     * {@code created} is true when an admin created it explicitly ({@code POST /api/rooms}).
     */
    public record RoomInfo(String room, int transports, int producers, int consumers, List<String> members,
                           boolean created) {
    }

    /** The answer to {@code POST /api/rooms}: {@code created} is false when the room already existed. */
    public record RoomCreated(String room, String node, boolean created) {
    }

    /** The answer to closing a room: what was closed, summed over the members that held it. */
    public record RoomClosed(String room, int transports, int producers, int consumers, List<String> members) {
    }
}
