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

    /** A producer as {@code GET /api/streams} lists it: its home member and the members it is piped to. */
    public record StreamInfo(String producerId, String room, String kind, String node, List<String> pipedTo,
                             boolean paused, int consumers) {
    }

    /** A transport as {@code GET /api/connections} lists it. */
    public record ConnectionInfo(String id, String node, String room, String direction, String iceState,
                                 String dtlsState, long bitrateIn, long bitrateOut, int producers, int consumers) {
    }
}
