package dev.sfu.cluster.media;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Finds a producer anywhere in the cluster (its record, from its {@link ProducerEntity}). */
public interface ProducerLocator {

    /** The producer's record, or empty when no live producer has this id. */
    CompletionStage<Optional<ProducerRecord>> locate(String producerId);
}
