package dev.sfu.media.engine;

import dev.sfu.media.rtp.RtpStreamStats;

/** A consumer's sent stream; {@code layer} is the producer encoding index it forwards (-1 before the first). */
public record ConsumerStats(String consumerId, String producerId, String kind, String type, boolean paused,
                            boolean producerPaused, int layer, RtpStreamStats stream) {
}
