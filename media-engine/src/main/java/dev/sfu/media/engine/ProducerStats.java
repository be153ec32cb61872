package dev.sfu.media.engine;

import dev.sfu.media.rtp.RtpStreamStats;

import java.util.List;

/** A producer's received streams (one per simulcast layer). */
public record ProducerStats(String producerId, String kind, String type, boolean paused, List<RtpStreamStats> streams) {
}
