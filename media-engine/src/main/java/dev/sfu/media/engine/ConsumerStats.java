package dev.sfu.media.engine;

import dev.sfu.media.rtp.RtpStreamStats;

import java.util.List;

/**
 * A consumer's sent stream ({@code stream}; a pipe consumer sends several, all in {@code streams});
 * {@code layer} is the producer encoding index a simple/simulcast consumer forwards (-1 before the first).
 */
public record ConsumerStats(String consumerId, String producerId, String kind, String type, boolean paused,
                            boolean producerPaused, int layer, RtpStreamStats stream, List<RtpStreamStats> streams) {
}
