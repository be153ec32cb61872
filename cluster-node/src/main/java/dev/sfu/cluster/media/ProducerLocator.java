package dev.sfu.cluster.media;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Finds a producer anywhere in the cluster. This is the seam for cross-member consume: today a consume of a
 * producer on another member only learns whether it exists; issue 5 pipes it from its home member.
 */
public interface ProducerLocator {

    /** The producer's record, or empty when no live producer has this id. */
    CompletionStage<Optional<ProducerRecord>> locate(String producerId);
}
