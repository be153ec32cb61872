package dev.sfu.bench.load;

import java.util.List;

/**
 * What one load run does. Every subscriber consumes the audio and video of every publisher. With more than one
 * entry in {@code subscriberSteps}, subscribers are added step by step (a ramp) until a step exceeds
 * {@code maxLossPercent} or {@code maxP99Millis}.
 *
 * @param joinSpreadSeconds joins of a step are spread evenly over this time (0: as fast as {@code joinConcurrency})
 * @param settleSeconds     wait after the joins of a step before measuring (first packets, key frames)
 * @param rampRetries       times a ramp step over the limits is measured again before the ramp ends
 */
record LoadPlan(String scenario, int publishers, List<Integer> subscriberSteps, Placement placement, int seconds,
                int videoBitrateBps, int audioBitrateBps, int keyFrameIntervalSeconds, double joinSpreadSeconds,
                int joinConcurrency, int settleSeconds, int checksumEvery, String room, double maxLossPercent,
                double maxP99Millis, int rampRetries) {

    LoadPlan {
        if (publishers < 1) throw new IllegalArgumentException("at least one publisher");
        if (subscriberSteps.isEmpty() || subscriberSteps.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("subscriber counts must be positive: " + subscriberSteps);
        }
        for (int i = 1; i < subscriberSteps.size(); i++) {
            if (subscriberSteps.get(i) <= subscriberSteps.get(i - 1)) {
                throw new IllegalArgumentException("ramp steps must grow: " + subscriberSteps);
            }
        }
        if (seconds < 1) throw new IllegalArgumentException("--seconds must be at least 1");
        if (rampRetries < 0) throw new IllegalArgumentException("--ramp-retries must not be negative");
        subscriberSteps = List.copyOf(subscriberSteps);
    }

    boolean ramp() {
        return subscriberSteps.size() > 1;
    }

    /** Consumer streams a step of {@code subscribers} holds: audio and video of every publisher each. */
    int consumerStreams(int subscribers) {
        return subscribers * publishers * 2;
    }
}
