package dev.sfu.cluster.media;

import dev.sfu.media.ortc.RtpParameters;

import java.util.List;

/**
 * What the cluster knows about one producer: where it lives, its room and kind, the RTP parameters a consumer
 * (or a pipe) is built from, whether it is paused, and the members it is piped to.
 */
public record ProducerRecord(String producerId, String node, String room, String kind,
                             RtpParameters consumableRtpParameters, boolean paused, List<String> pipedTo) {

    public ProducerRecord {
        pipedTo = pipedTo == null ? List.of() : List.copyOf(pipedTo);
    }

    public ProducerRecord withPaused(boolean nowPaused) {
        return new ProducerRecord(producerId, node, room, kind, consumableRtpParameters, nowPaused, pipedTo);
    }
}
